/*
 * The breathing pacer on a terminal: the phase, a bar that fills on the
 * in-breath and empties on the out-breath, a countdown and the time left,
 * redrawn in place. Elsewhere (a pipe, a log) it prints one line per phase.
 * Ctrl-C ends it early; the time actually done is returned either way.
 */
#include "cli.h"
#include "core/breath.h"
#include "core/i18n.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>

#define BAR 24

static volatile sig_atomic_t stopped;

static void on_interrupt(int sig)
{
	(void)sig;
	stopped = 1;
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

double cli_clock(const struct cli *c)
{
	return c->fixed_clock ? 0 : now_seconds();
}

static const char *phase_name(enum nb_breath_phase p)
{
	switch (p) {
	case NB_IN: return _("Breathe in");
	case NB_HOLD: return _("Hold");
	case NB_OUT: return _("Breathe out");
	case NB_REST: return _("Rest");
	default: return "";
	}
}

static void draw(const struct cli *c, const struct nb_pace *p)
{
	int full = (int)(p->fill * BAR + 0.5);
	const char *name = phase_name(p->phase);
	int pad = 14 - out_text_width(name);

	printf("\r\033[2K  %s%s%s%*s [", style_bold(c), name, style_reset(c), pad > 0 ? pad : 0, "");
	for (int i = 0; i < BAR; i++)
		fputs(i < full ? "█" : "·", stdout);
	printf("]  %2d   ", p->count);
	printf(_("%d:%02d left"), p->left / 60, p->left % 60);
	fflush(stdout);
}

int pacer_run(const struct cli *c, const struct nb_breath *b)
{
	struct sigaction sa, old;
	struct nb_pace p;
	enum nb_breath_phase last = NB_DONE;
	double start = now_seconds(), t = 0;
	int last_cycle = 0;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_interrupt;	/* no SA_RESTART: the sleep wakes at once */
	sigemptyset(&sa.sa_mask);
	stopped = 0;
	sigaction(SIGINT, &sa, &old);
	if (c->tty_out)
		fputs("\033[?25l", stdout);	/* hide the cursor while the bar moves */
	for (;;) {
		struct timespec tick = { 0, 100 * 1000 * 1000 };

		t = now_seconds() - start;
		breath_at(b, t, &p);
		if (p.phase == NB_DONE || stopped)
			break;
		if (c->tty_out) {
			draw(c, &p);
		} else if (p.phase != last || p.cycle != last_cycle) {
			printf("%s (%d)\n", phase_name(p.phase), p.count);
			fflush(stdout);
		}
		last = p.phase;
		last_cycle = p.cycle;
		while (nanosleep(&tick, &tick) != 0 && errno == EINTR && !stopped)
			;
	}
	if (c->tty_out)
		fputs("\r\033[2K\033[?25h", stdout);
	sigaction(SIGINT, &old, NULL);
	if (t > breath_total(b))
		t = breath_total(b);
	return (int)(t + 0.5);
}

bool pacer_interrupted(void)
{
	return stopped != 0;
}
