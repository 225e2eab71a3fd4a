// Tailwind CSS 4 runs as a single PostCSS plugin.
export default {
  plugins: {
    "@tailwindcss/postcss": {},
  },
};
