// Short form of a generated id for display. The tail is used because ids generated close
// together share their leading characters.
export const shortId = (id: string) => (id.length > 8 ? `…${id.slice(-6)}` : id);
