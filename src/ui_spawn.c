/*
 * ui_spawn.c - open a URL outside lede: $BROWSER (or another variable
 * naming a program, e.g. LEDE_IMAGE_VIEWER), else xdg-open.  The program
 * gets an argv with the URL as one element, never a shell string; it is
 * detached (double fork, output to /dev/null) so lede keeps the terminal.
 * UI only.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pane.h"

int
ui_spawn_url(struct ui *ui, const char *envvar, const char *url)
{
	const char *cmd = envvar ? getenv(envvar) : NULL;
	char *copy, *argv[34], *tok, *save = NULL, *colon;
	int argc = 0, used = 0, fds[2], e = 0;
	pid_t pid;
	ssize_t n;

	/* Schemes are case-insensitive (RFC 3986 3.1). */
	if (strncasecmp(url, "http://", 7) && strncasecmp(url, "https://", 8) &&
	    strncasecmp(url, "file://", 7) && strncasecmp(url, "mailto:", 7)) {
		ui_error(ui, "will not open '%s': not http, https, file or "
		    "mailto", url);
		return -1;
	}
	if (cmd == NULL || *cmd == '\0')
		cmd = getenv("BROWSER");
	if (cmd == NULL || *cmd == '\0')
		cmd = "xdg-open";
	if ((copy = strdup(cmd)) == NULL)
		return -1;
	/* $BROWSER may list several commands separated by ':'. */
	if ((colon = strchr(copy, ':')) != NULL)
		*colon = '\0';
	for (tok = strtok_r(copy, " \t", &save); tok && argc < 32;
	    tok = strtok_r(NULL, " \t", &save)) {
		if (strcmp(tok, "%s") == 0) {
			argv[argc++] = (char *)url;
			used = 1;
		} else {
			argv[argc++] = tok;
		}
	}
	if (argc == 0) {
		free(copy);
		ui_error(ui, "no browser command");
		return -1;
	}
	if (!used)
		argv[argc++] = (char *)url;
	argv[argc] = NULL;
	if (pipe(fds) == -1) {
		free(copy);
		ui_error(ui, "cannot run '%s': %s", argv[0], strerror(errno));
		return -1;
	}
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	if ((pid = fork()) == -1) {
		e = errno;
	} else if (pid == 0) {
		/* Double fork: the browser is nobody's zombie. */
		close(fds[0]);
		setsid();
		if (fork() != 0)
			_exit(0);
		int null = open("/dev/null", O_RDWR);

		if (null >= 0) {
			dup2(null, 0);
			dup2(null, 1);
			dup2(null, 2);
		}
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		execvp(argv[0], argv);
		e = errno;
		if (write(fds[1], &e, sizeof(e)) < 0)
			_exit(127);
		_exit(127);
	} else {
		close(fds[1]);
		fds[1] = -1;
		waitpid(pid, NULL, 0);
		n = read(fds[0], &e, sizeof(e));
		if (n != (ssize_t)sizeof(e))
			e = 0;
	}
	if (fds[1] >= 0)
		close(fds[1]);
	close(fds[0]);
	if (e != 0)
		ui_error(ui, "cannot run '%s': %s", argv[0], strerror(e));
	else
		ui_message(ui, "opened '%s' with %s", url, argv[0]);
	free(copy);
	return e ? -1 : 0;
}
