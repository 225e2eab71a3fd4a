"use client";
// Ctrl/⌘+K on any dashboard page: jump to a task by its title, open a page, create a task, switch
// the theme or the notifications. cmdk gives the listbox keyboard model (arrows, Enter, typing
// stays in the field); the Dialog gives the modal, Escape and focus return.
import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from "react";
import { errorMessage } from "@/components/live/error-message";
import { useNotificationSettings } from "@/components/notifications/use-notification-settings";
import { useTRPC } from "@/components/providers/trpc";
import { StatusBadge } from "@/components/status-badge";
import { useTheme } from "@/components/theme/use-theme";
import { Dialog } from "@/components/ui/dialog";
import { ArrowRightIcon, SearchIcon } from "@/components/ui/icons";
import { matchCommands, paletteCommands, type PaletteRun } from "./palette-commands";

const OpenPaletteContext = createContext<() => void>(() => {});

/** Opens the palette, for the header's search button. */
export const useOpenCommandPalette = () => useContext(OpenPaletteContext);

const SEARCH_DELAY_MS = 150;

export function CommandPaletteProvider({ isAdmin, canCreate, children }: { isAdmin: boolean; canCreate: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "k" || !(event.metaKey || event.ctrlKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      setOpen((was) => !was);
    };
    window.addEventListener("keydown", onKeyDown);
    // Marks the shortcut as live once the page has hydrated (browser tests wait for it).
    document.documentElement.dataset.commandPalette = "ready";
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      delete document.documentElement.dataset.commandPalette;
    };
  }, []);

  return (
    <OpenPaletteContext value={() => setOpen(true)}>
      {children}
      <Dialog open={open} onClose={() => setOpen(false)} title="Command palette" hideTitle placement="top" className="w-[min(100vw-1.5rem,40rem)]" data-testid="command-palette">
        <Palette isAdmin={isAdmin} canCreate={canCreate} close={() => setOpen(false)} />
      </Dialog>
    </OpenPaletteContext>
  );
}

function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

const itemClass =
  "flex cursor-pointer items-center gap-3 rounded-md px-3 py-2 text-sm text-foreground aria-selected:bg-accent-soft aria-selected:text-accent";
const groupClass = "[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-3 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-subtle";

function Palette({ isAdmin, canCreate, close }: { isAdmin: boolean; canCreate: boolean; close: () => void }) {
  const router = useRouter();
  const trpc = useTRPC();
  const theme = useTheme();
  const notifications = useNotificationSettings();
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState("");
  // The text Enter was pressed on before any row matched it: its first task opens when the search
  // answers. The first answer settles it, match or not, so a later refetch never opens anything.
  const [enterOn, setEnterOn] = useState<string | null>(null);
  const enterSettled = useRef(false);
  const search = useDebounced(query.trim(), SEARCH_DELAY_MS);
  const tasks = useQuery({ ...trpc.task.list.queryOptions({ search: search || undefined, limit: search ? 8 : 5 }), placeholderData: (previous) => previous });
  const commands = matchCommands(paletteCommands({ isAdmin, canCreate, theme: theme.preference, notificationsOn: notifications.enabled }), query);
  const searching = query.trim() !== search || tasks.isFetching;

  const run = (action: PaletteRun) => {
    close();
    if (action.kind === "navigate") router.push(action.href);
    else if (action.kind === "theme") theme.setPreference(action.theme);
    else if (action.on) void notifications.enable();
    else notifications.disable();
  };

  // Until the answer for the current text is in, keep only earlier results that still match it,
  // so Enter right after typing never opens a task the text no longer describes.
  const fresh = !tasks.isPlaceholderData && search === query.trim();
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const taskItems = (tasks.data?.items ?? []).filter((task) => fresh || words.every((word) => task.title.toLowerCase().includes(word)));
  // Results arrive after typing; keep the highlight on a row that exists, else on the first one.
  const values = [...taskItems.map((task) => `task:${task.id}`), ...commands.map((command) => command.id)];
  const highlighted = values.includes(selected) ? selected : (values[0] ?? "");
  const answered = enterOn !== null && !searching && enterOn === search;
  const firstFound = answered ? taskItems[0]?.id : undefined;
  useEffect(() => {
    if (!answered || enterSettled.current) return;
    enterSettled.current = true;
    if (firstFound) run({ kind: "navigate", href: `/tasks/${firstFound}` });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- waits for the answer; `run` is a new closure every render
  }, [answered, firstFound]);

  const onKeyDown = (event: ReactKeyboardEvent) => {
    if (event.key !== "Enter" || highlighted !== "" || !searching) return;
    event.preventDefault();
    enterSettled.current = false;
    setEnterOn(query.trim());
  };

  return (
    <Command label="Command palette" shouldFilter={false} loop value={highlighted} onValueChange={setSelected} onKeyDown={onKeyDown} className="flex max-h-[min(70vh,34rem)] flex-col">
      <div className="flex items-center gap-2 border-b border-border px-3">
        <SearchIcon className="size-4 shrink-0 text-subtle" />
        <Command.Input
          data-autofocus
          value={query}
          onValueChange={(text) => {
            setQuery(text);
            setEnterOn(null);
          }}
          placeholder="Search tasks by title, pages and actions…"
          className="h-12 min-w-0 flex-1 bg-transparent text-sm text-foreground outline-none placeholder:text-subtle"
        />
      </div>
      <Command.List className="min-h-0 flex-1 overflow-y-auto p-2">
        {tasks.isError ? (
          <p role="alert" className="px-3 py-2 text-sm text-danger-fg">
            Could not search tasks: {errorMessage(tasks.error)}
          </p>
        ) : null}
        {!searching && !tasks.isError && taskItems.length === 0 && commands.length === 0 ? (
          <p className="px-3 py-6 text-center text-sm text-muted">Nothing matches “{query.trim()}”.</p>
        ) : null}
        {taskItems.length > 0 ? (
          <Command.Group heading={search ? "Tasks" : "Recent tasks"} className={groupClass}>
            {taskItems.map((task) => (
              <Command.Item key={task.id} value={`task:${task.id}`} onSelect={() => run({ kind: "navigate", href: `/tasks/${task.id}` })} className={itemClass}>
                <span className="min-w-0 flex-1 truncate">{task.title}</span>
                <StatusBadge status={task.status} />
              </Command.Item>
            ))}
          </Command.Group>
        ) : searching && query.trim() ? (
          <Command.Loading>
            <p className="px-3 py-2 text-sm text-muted">{enterOn === query.trim() ? "Searching tasks… the first match opens when it is found" : "Searching tasks…"}</p>
          </Command.Loading>
        ) : null}
        {(["Pages", "Actions"] as const).map((group) => {
          const items = commands.filter((command) => command.group === group);
          if (items.length === 0) return null;
          return (
            <Command.Group key={group} heading={group} className={groupClass}>
              {items.map((command) => (
                <Command.Item key={command.id} value={command.id} onSelect={() => run(command.run)} className={itemClass}>
                  <span className="min-w-0 flex-1 truncate">{command.label}</span>
                  {command.run.kind === "navigate" ? <ArrowRightIcon className="size-3.5 text-subtle" /> : null}
                </Command.Item>
              ))}
            </Command.Group>
          );
        })}
      </Command.List>
      <p className="hidden border-t border-border px-4 py-2 text-xs text-muted sm:block">
        <kbd className="font-sans">↑</kbd> <kbd className="font-sans">↓</kbd> to move · <kbd className="font-sans">Enter</kbd> to open · <kbd className="font-sans">Esc</kbd> to close
      </p>
    </Command>
  );
}
