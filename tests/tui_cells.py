#!/usr/bin/env python3
"""tui_cells.py - read `tmux capture-pane -p -e` output on stdin and report
the style of text on the screen, for the tmux tests (tests/tui_*.sh).

  tui_cells.py style TEXT [N]   style of the first character of the Nth
                                (default 1st) occurrence of TEXT, e.g.
                                "fg=3 bg=default bold"; exit 1 if absent
  tui_cells.py styles TEXT      the distinct styles over all of TEXT
"""
import re
import sys

SGR = re.compile(r"\x1b\[([0-9;:]*)m")
OTHER = re.compile(r"\x1b[\[\]][^a-zA-Z\x07]*[a-zA-Z\x07]")


class Style:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = "default"
        self.bg = "default"
        self.attrs = set()

    def key(self):
        a = " ".join(sorted(self.attrs))
        return ("fg=%s bg=%s %s" % (self.fg, self.bg, a)).strip()

    def apply(self, params):
        ps = [p for p in re.split("[;:]", params)] if params else ["0"]
        i = 0
        names = {1: "bold", 2: "dim", 3: "italic", 4: "underline",
                 5: "blink", 7: "reverse", 9: "strike"}
        offs = {22: ("bold", "dim"), 23: ("italic",), 24: ("underline",),
                25: ("blink",), 27: ("reverse",), 29: ("strike",)}
        while i < len(ps):
            c = int(ps[i] or 0)
            if c == 0:
                self.reset()
            elif c in names:
                self.attrs.add(names[c])
            elif c in offs:
                for n in offs[c]:
                    self.attrs.discard(n)
            elif 30 <= c <= 37:
                self.fg = str(c - 30)
            elif 90 <= c <= 97:
                self.fg = str(c - 90 + 8)
            elif 40 <= c <= 47:
                self.bg = str(c - 40)
            elif 100 <= c <= 107:
                self.bg = str(c - 100 + 8)
            elif c == 39:
                self.fg = "default"
            elif c == 49:
                self.bg = "default"
            elif c in (38, 48):
                if i + 2 < len(ps) + 1 and ps[i + 1] == "5":
                    v = ps[i + 2]
                    i += 2
                elif ps[i + 1] == "2":
                    v = "#%02x%02x%02x" % tuple(int(x) for x in
                                                ps[i + 2:i + 5])
                    i += 4
                else:
                    v = "?"
                if c == 38:
                    self.fg = v
                else:
                    self.bg = v
            i += 1


def cells(text):
    st = Style()
    rows = []
    for line in text.split("\n"):
        row = []
        pos = 0
        while pos < len(line):
            m = SGR.match(line, pos)
            if m:
                st.apply(m.group(1))
                pos = m.end()
                continue
            m = OTHER.match(line, pos)
            if m:
                pos = m.end()
                continue
            row.append((line[pos], st.key()))
            pos += 1
        rows.append(row)
    return rows


def main():
    rows = cells(sys.stdin.read())
    what, text = sys.argv[1], sys.argv[2]
    nth = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    seen = 0
    for row in rows:
        s = "".join(c for c, _ in row)
        start = 0
        while True:
            i = s.find(text, start)
            if i < 0:
                break
            seen += 1
            if seen == nth:
                if what == "style":
                    print(row[i][1])
                else:
                    out = []
                    for _, k in row[i:i + len(text)]:
                        if k not in out:
                            out.append(k)
                    print("\n".join(out))
                return 0
            start = i + 1
    print("not on screen: %r" % text, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
