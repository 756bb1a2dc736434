/*
 * test_config.c - the config file parser, key names and theme styles
 * (src/config.c, src/theme.c): good lines apply, bad lines are reported
 * with their line number and skipped, the rest still applies.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "lede_config.h"
#include "theme.h"

static int
parse(struct config *c, const char *text)
{
	config_init(c);
	return config_parse(c, text, strlen(text));
}

static void
test_options(void **state)
{
	struct config c;

	(void)state;
	assert_int_equal(parse(&c, "# comment\n\nwidth = 72\ntheme=light\n"
	    "mouse off\n  wide = 120  # trailing comment\n"
	    "export-width = 0\n"), 0);
	assert_int_equal(c.width, 72);
	assert_string_equal(c.theme, "light");
	assert_int_equal(c.mouse, 0);
	assert_int_equal(c.wide, 120);
	assert_int_equal(c.export_width, 0);
	assert_int_equal(c.nmsgs, 0);
	config_release(&c);
}

static void
test_defaults(void **state)
{
	struct config c;

	(void)state;
	assert_int_equal(parse(&c, ""), 0);
	assert_int_equal(c.width, 80);
	assert_null(c.theme);
	assert_int_equal(c.mouse, 1);
	assert_int_equal(c.export_width, 80);
	config_release(&c);
}

static const struct {
	const char *text;
	const char *msg;
} bad[] = {
	{"width = 5\n", "config line 1: bad width '5' (20 to 400)"},
	{"\n\nwidth = wide\n", "config line 3: bad width 'wide' (20 to 400)"},
	{"colour = red\n", "config line 1: unknown option 'colour'"},
	{"mouse = maybe\n", "config line 1: bad mouse 'maybe' (on or off)"},
	{"export-width = 5\n",
	    "config line 1: bad export-width '5' (0, or 20 to 400)"},
	{"bind j\n", "config line 1: usage: bind KEY ACTION"},
	{"bind j fly\n", "config line 1: unknown action 'fly'"},
	{"bind Hyper-x quit\n", "config line 1: unknown key 'Hyper-x'"},
	{"unbind\n", "config line 1: usage: unbind KEY"},
	{"width =\n", "config line 1: missing value for 'width'"},
};

static void
test_bad_lines(void **state)
{
	struct config c;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse(&c, bad[i].text), 1);
		assert_int_equal(c.nmsgs, 1);
		assert_string_equal(c.msgs[0], bad[i].msg);
		config_release(&c);
	}
}

static void
test_bad_line_rest_applies(void **state)
{
	struct config c;

	(void)state;
	assert_int_equal(parse(&c, "width = 60\nnonsense here\n"
	    "theme = mono\nbind x quit\n"), 1);
	assert_int_equal(c.width, 60);
	assert_string_equal(c.theme, "mono");
	assert_int_equal(c.nbinds, 1);
	assert_int_equal(c.binds[0].action, ACT_QUIT);
	assert_string_equal(c.msgs[0],
	    "config line 2: unknown option 'nonsense'");
	config_release(&c);
}

static void
test_binds(void **state)
{
	struct config c;

	(void)state;
	assert_int_equal(parse(&c, "bind ^J down\nbind C-k up\nunbind q\n"
	    "bind F5 redraw\nbind é top\n"), 0);
	assert_int_equal(c.nbinds, 5);
	assert_int_equal(c.binds[0].key.special, KS_ENTER);
	assert_int_equal(c.binds[0].action, ACT_DOWN);
	assert_int_equal(c.binds[1].key.special, KS_CHAR);
	assert_int_equal(c.binds[1].key.cp, 11);
	assert_int_equal(c.binds[2].action, -1);
	assert_int_equal(c.binds[3].key.special, KS_F);
	assert_int_equal(c.binds[3].key.cp, 5);
	assert_int_equal(c.binds[4].key.cp, 0xe9);
	config_release(&c);
}

static const struct {
	const char *in, *out;
} keynames[] = {
	{"j", "j"}, {"^D", "^D"}, {"C-d", "^D"}, {"c-u", "^U"},
	{"Enter", "Enter"}, {"Return", "Enter"}, {"^M", "Enter"},
	{"Tab", "Tab"}, {"^I", "Tab"}, {"S-Tab", "BTab"}, {"Space", "Space"},
	{"PageDown", "PgDn"}, {"npage", "PgDn"}, {"F12", "F12"},
	{"Esc", "Esc"}, {"^[", "Esc"}, {"BS", "Backspace"}, {"^?", "Backspace"},
	{"?", "?"}, {"#", "#"}, {"\xe3\x81\x82", "\xe3\x81\x82"},
};

static void
test_key_names(void **state)
{
	struct keyspec k;
	char buf[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(keynames) / sizeof(keynames[0]); i++) {
		assert_int_equal(config_key_parse(keynames[i].in, &k), 0);
		config_key_name(&k, buf, sizeof(buf));
		assert_string_equal(buf, keynames[i].out);
	}
	assert_int_equal(config_key_parse("", &k), -1);
	assert_int_equal(config_key_parse("jj", &k), -1);
	assert_int_equal(config_key_parse("F0", &k), -1);
	assert_int_equal(config_key_parse("F25", &k), -1);
	assert_int_equal(config_key_parse("^1", &k), -1);
	assert_int_equal(config_key_parse("\x01", &k), -1);
}

/* Every default key in keys.def parses, and no key has two actions that
 * the same pane would both claim (only '?' is shared on purpose). */
static void
test_keys_table(void **state)
{
	struct keyspec k;
	char copy[128], *tok, *save;
	int a;

	(void)state;
	for (a = 0; a < ACT_COUNT; a++) {
		assert_non_null(action_help[a]);
		assert_int_equal(config_action(action_names[a]), a);
		snprintf(copy, sizeof(copy), "%s", action_keys[a]);
		save = NULL;
		for (tok = strtok_r(copy, " ", &save); tok;
		    tok = strtok_r(NULL, " ", &save))
			assert_int_equal(config_key_parse(tok, &k), 0);
	}
	assert_int_equal(config_action("no-such-action"), -1);
}

static void
test_load_file(void **state)
{
	char path[] = "/tmp/lede-test-config.XXXXXX";
	struct lede_err err = {0};
	struct config c;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "width = 66\r\nbogus = 1\n", 22), 22);
	close(fd);
	config_init(&c);
	assert_int_equal(config_load(&c, path, &err), 1);
	assert_int_equal(c.width, 66);
	assert_string_equal(c.msgs[0], "config line 2: unknown option 'bogus'");
	config_release(&c);
	unlink(path);
	config_init(&c);
	assert_int_equal(config_load(&c, path, &err), 0);	/* missing */
	config_release(&c);
}

static void
test_config_path(void **state)
{
	char *p;

	(void)state;
	setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
	p = config_path();
	assert_string_equal(p, "/x/cfg/lede/config");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/home/u", 1);
	p = config_path();
	assert_string_equal(p, "/home/u/.config/lede/config");
	free(p);
}

static const struct {
	const char *spec;
	int32_t fg, bg;
	unsigned attrs;
} styles[] = {
	{"yellow default bold", 3, THEME_DEFAULT, STYLE_BOLD},
	{"default default", THEME_DEFAULT, THEME_DEFAULT, 0},
	{"bright-red", 9, THEME_DEFAULT, 0},
	{"208 236 italic,underline", 208, 236, STYLE_ITALIC | STYLE_UNDERLINE},
	{"#268bd2 #002b36", THEME_RGB | 0x268bd2, THEME_RGB | 0x002b36, 0},
	{"bold", THEME_DEFAULT, THEME_DEFAULT, STYLE_BOLD},
	{"red reverse", 1, THEME_DEFAULT, STYLE_REVERSE},
	{"grey default dim", 8, THEME_DEFAULT, STYLE_DIM},
	{"black cyan none", 0, 6, 0},
};

static void
test_styles(void **state)
{
	struct style st;
	char why[128];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(styles) / sizeof(styles[0]); i++) {
		assert_int_equal(theme_parse_style(styles[i].spec, &st, why,
		    sizeof(why)), 0);
		assert_int_equal(st.fg, styles[i].fg);
		assert_int_equal(st.bg, styles[i].bg);
		assert_int_equal(st.attrs, styles[i].attrs);
	}
	assert_int_equal(theme_parse_style("purple", &st, why, sizeof(why)),
	    -1);
	assert_string_equal(why, "unknown colour or attribute 'purple'");
	assert_int_equal(theme_parse_style("red blue sparkly", &st, why,
	    sizeof(why)), -1);
	assert_string_equal(why, "unknown attribute 'sparkly'");
	assert_int_equal(theme_parse_style("256", &st, why, sizeof(why)), -1);
	assert_int_equal(theme_parse_style("#12345", &st, why, sizeof(why)),
	    -1);
	assert_int_equal(theme_parse_style("", &st, why, sizeof(why)), -1);
}

static void
test_theme_file(void **state)
{
	struct theme t;
	const char *text = "# a theme\n"
	    "title = #ff0000 default bold   # red titles\n"
	    "body = 252 #002b36\n"
	    "nonsense = red\n"
	    "link = blue sparkly\n"
	    "search-hit\n";

	(void)state;
	theme_default(&t);
	/* The built-in default is roles.def's column. */
	assert_int_equal(t.role[ROLE_TITLE].fg, 3);
	assert_int_equal(t.role[ROLE_TITLE].attrs, STYLE_BOLD);
	assert_int_equal(theme_parse(&t, "x", text, strlen(text)), 3);
	assert_int_equal(t.role[ROLE_TITLE].fg, THEME_RGB | 0xff0000);
	assert_int_equal(t.role[ROLE_BODY].fg, 252);
	assert_int_equal(t.role[ROLE_BODY].bg, THEME_RGB | 0x002b36);
	/* A bad line leaves the role as it was. */
	assert_int_equal(t.role[ROLE_LINK].fg, 4);
	assert_int_equal(t.nmsgs, 3);
	assert_string_equal(t.msgs[0],
	    "theme 'x' line 4: unknown role 'nonsense'");
	assert_string_equal(t.msgs[1],
	    "theme 'x' line 5: unknown colour or attribute 'sparkly'");
	assert_string_equal(t.msgs[2],
	    "theme 'x' line 6: expected 'role = fg bg attrs'");
	theme_release(&t);
}

/* The themes shipped in themes/ parse without a single complaint. */
static void
test_shipped_themes(void **state)
{
	static const char *const names[] = {"default", "light", "mono",
	    "solarized-dark"};
	const char *dirs[] = {LEDE_SRCDIR "/themes", NULL};
	struct lede_err err = {0};
	struct theme t;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		assert_int_equal(theme_load(&t, names[i], dirs, &err), 0);
		if (t.nmsgs)
			fail_msg("%s", t.msgs[0]);
		theme_release(&t);
	}
	assert_int_equal(theme_load(&t, "no-such-theme", dirs, &err), -1);
	assert_string_equal(err.msg, "unknown theme 'no-such-theme'");
	theme_release(&t);
}

static void
test_palette(void **state)
{
	(void)state;
	assert_int_equal(theme_palette_rgb(16), 0x000000);
	assert_int_equal(theme_palette_rgb(196), 0xff0000);
	assert_int_equal(theme_palette_rgb(231), 0xffffff);
	assert_int_equal(theme_palette_rgb(232), 0x080808);
	assert_int_equal(theme_palette_rgb(255), 0xeeeeee);
}

/* "a=b=" at the longest line: split() inserts a byte at each "word=",
 * which once ran past the end of config_parse's line buffer (ASan). */
static void
test_long_line_equals(void **state)
{
	struct config c;
	char text[1100];
	size_t n = 1024;

	(void)state;
	memset(text, 'b', sizeof(text));
	memcpy(text, "theme=", 6);
	text[n - 1] = '=';
	text[n] = '\n';
	memcpy(text + n + 1, "width=72=\n", 10);
	config_init(&c);
	assert_int_equal(config_parse(&c, text, n + 11), 2);
	assert_int_equal(c.width, 80);
	assert_int_equal(c.nmsgs, 2);
	assert_string_equal(c.msgs[0], "config line 1: cannot parse 'theme'");
	config_release(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_bad_lines),
		cmocka_unit_test(test_bad_line_rest_applies),
		cmocka_unit_test(test_binds),
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_keys_table),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_config_path),
		cmocka_unit_test(test_styles),
		cmocka_unit_test(test_theme_file),
		cmocka_unit_test(test_shipped_themes),
		cmocka_unit_test(test_palette),
		cmocka_unit_test(test_long_line_equals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
