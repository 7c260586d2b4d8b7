"""Local worker processes for batch runs: ``jobs`` processes in all, this one included.

Why not ``multiprocessing.Pool``: when a pool worker is killed (the kernel's OOM killer, a crash in
native code, a stray ``kill``) the task it held is never answered and ``imap`` waits forever.  Here
every document still gets a record: the documents of the batch a dead helper was working on get an
error record (``worker_died``), the batches it had queued go to the other processes, and the run
goes on.

How it works
    * ``Workers(jobs)`` starts ``jobs - 1`` helper processes at once; each loads the pipeline while
      the caller lists its inputs.  Each helper has its own pair of pipes (no lock is shared, so a
      killed helper cannot leave one held).
    * ``imap(tasks)`` cuts the tasks into batches.  This process keeps every helper ``AHEAD``
      batches ahead (the next one waits in its pipe while it works) and processes the remaining
      batches itself in between, so that all ``jobs`` processes extract.
    * Outcomes come back in task order through a reorder buffer bounded by a window: no batch is
      started more than ``WINDOW_PER_PROCESS * jobs`` batches past the oldest unwritten one.
    * A helper that dies is seen by the end of its pipe (EOF) or its process sentinel.
"""
from __future__ import annotations

import collections
import os
import queue as _queue
import signal
import sys
import threading
import time
from multiprocessing.connection import wait as _wait
from typing import Iterator, Optional

from citex.batch.tasks import Done, Outcome, Task, init_worker, run_task
from citex.models import Error, Result
from citex.output.writers import to_json_line

POLL = 0.5          # seconds between liveness checks while waiting for helpers
DEFAULT_WATCHDOG = 300.0  # seconds a helper may go without finishing a document before it is stopped
MAX_BATCH = 64      # tasks per batch at most
AHEAD = 3           # batches sent to a helper before it has finished the first
# Batches done but not yet written are bounded: no batch is started more than WINDOW_PER_PROCESS *
# jobs batches past the oldest unwritten one (one slow document holds the others back, not memory).
WINDOW_PER_PROCESS = AHEAD + 1


def batch_size(n_tasks: int, jobs: int) -> int:
    """About 16 batches per process, at most ``MAX_BATCH`` tasks each: small enough to balance the
    load at the end of a run and to bound what a dead helper takes with it."""
    return max(1, min(MAX_BATCH, n_tasks // (jobs * 16) or 1))


def _helper(inbox, outbox, kb: Optional[str], ner: Optional[str], parent: int, theirs=(), count=None) -> None:
    """A helper process: load the pipeline, then process the batches that arrive in ``inbox``.

    Results leave through a sender thread, so a full pipe never stops the extraction.
    ``theirs``: the parent's pipe ends that a fork copied into this process (its own and earlier
    helpers'); closed at once, or this process would keep its own pipes open and never see the
    parent go.  ``count``: a shared counter of the documents finished, the parent's watchdog."""
    for conn in theirs:
        conn.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle (close() stops us)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler (a fork copies it)
    init_worker(kb, ner)
    outgoing: _queue.SimpleQueue = _queue.SimpleQueue()

    def send() -> None:
        while (msg := outgoing.get()) is not None:
            try:
                outbox.send(msg)
            except OSError:  # the parent is gone
                os._exit(0)
            except BaseException:  # cannot send (e.g. an unpicklable outcome): die loudly, so the
                os._exit(1)        # parent sees a dead helper and records its batch, never waits

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    while True:
        if not inbox.poll(POLL):
            if os.getppid() != parent:  # orphaned: the parent was killed (maybe before we started);
                os._exit(0)             # nobody will read what is still unsent
            continue
        try:
            msg = inbox.recv()
        except (EOFError, OSError):
            break
        if msg is None:
            break
        b, chunk = msg
        try:
            out = []
            for t in chunk:
                out.append(run_task(t))
                if count is not None:
                    count.value += 1
        except Exception as exc:  # run_task records its own failures; this is a last resort
            out = [_failed(t, type(exc).__name__, str(exc)[:500]) for t in chunk]
        outgoing.put((b, out))
    outgoing.put(None)
    sender.join()


def _failed(task: Task, kind: str, message: str) -> Outcome:
    res = Result(doc_id=task.doc_id, error=Error(kind, message))
    return Done(to_json_line(res), 0, True) if task.as_line else res


def _died(exitcode: Optional[int], n: int) -> str:
    how = f"exit code {exitcode}" if exitcode is not None else "unknown exit code"
    return (f"the worker process died ({how}) while processing this document's batch of {n} "
            f"documents; one of them may be the cause (rerun it alone with --jobs 1)")


def _stalled(seconds: float, n: int) -> str:
    return (f"the worker process finished no document for {seconds:g} s (stopped, or stuck reading a "
            f"file) and was stopped by the watchdog (--watchdog) while processing this document's batch "
            f"of {n} documents; --resume runs them again")


class _Helper:
    __slots__ = ("proc", "inbox", "outbox", "queued", "count", "seen")

    def __init__(self, proc, inbox, outbox, count):
        self.proc, self.inbox, self.outbox, self.count = proc, inbox, outbox, count
        self.queued: collections.deque = collections.deque()  # batches sent, oldest (in work) first
        self.seen = (0, time.monotonic())  # (documents finished, when that count was first seen)


class Workers:
    """``jobs`` processes for :meth:`imap`, this one included (``jobs <= 1``: this one alone).

    Start them before listing the inputs (``with Workers(2) as w: … w.imap(tasks)``); one
    :meth:`imap` per ``Workers``."""

    def __init__(self, jobs: int = 1, kb: Optional[str] = None, ner: Optional[str] = None,
                 watchdog: Optional[float] = DEFAULT_WATCHDOG):
        self.jobs, self.kb, self.ner = max(1, jobs), kb, ner
        self.watchdog = watchdog  # None: no watchdog
        self._helpers: list[_Helper] = []
        self._used = self._finished = False
        if self.jobs > 1:
            import multiprocessing as mp
            # fork on Linux (fast start, nothing to re-import); spawn elsewhere (fork is unsafe
            # on macOS, absent on Windows)
            fork = sys.platform.startswith("linux") and "fork" in mp.get_all_start_methods()
            ctx = mp.get_context("fork" if fork else "spawn")
            ours: list = []  # our pipe ends so far: a forked helper inherits them and must close them
            for i in range(self.jobs - 1):
                in_r, in_w = ctx.Pipe(duplex=False)
                out_r, out_w = ctx.Pipe(duplex=False)
                theirs = tuple(ours) + (in_w, out_r) if fork else ()
                count = ctx.RawValue("Q", 0)
                p = ctx.Process(target=_helper, args=(in_r, out_w, kb, ner, os.getpid(), theirs, count),
                                name=f"citex-worker-{i}", daemon=True)
                p.start()
                # close our copies of the helper's ends now, before the next fork, so that its
                # death shows as EOF on out_r
                in_r.close()
                out_w.close()
                ours += [in_w, out_r]
                self._helpers.append(_Helper(p, in_w, out_r, count))

    def imap(self, tasks: list[Task]) -> Iterator[Outcome]:
        """Outcomes in task order, whatever the number of processes."""
        if self._used:
            raise RuntimeError("Workers.imap runs once; make a new Workers for another run")
        self._used = True
        if not self._helpers or len(tasks) <= 1:
            for t in tasks:
                yield run_task(t)
            return
        yield from self._run(tasks, batch_size(len(tasks), self.jobs))
        self._finished = True

    def _run(self, tasks: list[Task], size: int) -> Iterator[Outcome]:
        n_batches = -(-len(tasks) // size)
        todo = collections.deque(range(n_batches))  # batches nobody has yet, in order
        ready: dict[int, list] = {}                 # finished batches not yet yielded
        alive = list(self._helpers)
        nxt = 0                                     # the next batch to yield
        window = WINDOW_PER_PROCESS * self.jobs

        def batch(b: int) -> list[Task]:
            return tasks[b * size:(b + 1) * size]

        def open_(b: int) -> bool:
            return b < nxt + window

        def feed(h: _Helper) -> None:
            while len(h.queued) < AHEAD and todo and open_(todo[0]):
                b = todo.popleft()
                try:
                    h.inbox.send((b, batch(b)))
                except OSError:  # it died: the sentinel will say so
                    todo.appendleft(b)
                    return
                h.queued.append(b)

        def lost(h: _Helper, stalled: bool = False) -> None:
            """``h`` died: its batch in work becomes error records, its queued ones go back."""
            alive.remove(h)
            h.proc.join(timeout=1)
            if h.queued:
                b = h.queued.popleft()
                n = len(batch(b))
                msg = _stalled(self.watchdog, n) if stalled else _died(h.proc.exitcode, n)
                ready[b] = [_failed(t, "worker_died", msg) for t in batch(b)]
                todo.extendleft(reversed(h.queued))
                h.queued.clear()

        def receive(timeout: Optional[float]) -> None:
            conns = {h.outbox: h for h in alive}
            sentinels = {h.proc.sentinel: h for h in alive}
            for obj in _wait(list(conns) + list(sentinels), timeout):
                h = conns.get(obj)
                if h is not None:
                    if h not in alive:
                        continue
                    try:
                        b, out = h.outbox.recv()
                    except (EOFError, OSError):  # died, maybe in the middle of a message
                        lost(h)
                        continue
                    ready[b] = out
                    if h.queued and h.queued[0] == b:
                        h.queued.popleft()
                    feed(h)
                else:
                    h = sentinels[obj]
                    if h in alive and not h.outbox.poll():  # dead, and nothing more to read from it
                        lost(h)

        def watch() -> None:
            """Stop a helper that has finished no document for ``self.watchdog`` seconds."""
            now = time.monotonic()
            for h in list(alive):
                count = h.count.value
                if not h.queued or count != h.seen[0]:
                    h.seen = (count, now)
                elif now - h.seen[1] > self.watchdog:
                    h.proc.kill()  # SIGKILL: it ends a stopped process too
                    h.proc.join(timeout=5)
                    lost(h, stalled=True)

        for h in alive:
            feed(h)
        while nxt < n_batches:
            receive(0)
            if self.watchdog is not None:
                watch()
            if nxt in ready:
                yield from ready.pop(nxt)
                nxt += 1
                for h in alive:  # the window moved
                    feed(h)
                continue
            if todo and open_(todo[0]):  # work on a batch here while the helpers work on theirs
                b = todo.popleft()
                ready[b] = [run_task(t) for t in batch(b)]
                continue
            receive(POLL)

    def close(self) -> None:
        """Stop the helpers: a word to finish after a complete run, ``terminate`` after a broken one
        (an exception, or a reader that stopped early, as ``citex extract … | head`` does)."""
        for h in self._helpers:
            if self._finished or not self._used:
                try:
                    h.inbox.send(None)
                except OSError:
                    pass
            else:
                h.proc.terminate()
        for h in self._helpers:
            h.proc.join(timeout=2)
            if h.proc.is_alive():
                h.proc.terminate()
                h.proc.join(timeout=2)
            h.inbox.close()
            h.outbox.close()
        self._helpers = []

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def run_local(tasks: list[Task], jobs: int = 1) -> Iterator[Outcome]:
    """Outcomes in task order, with ``jobs`` worker processes (1: in this process)."""
    jobs = jobs if len(tasks) > 1 else 1  # no processes started for one document
    with Workers(jobs, tasks[0].kb if tasks else None, tasks[0].ner if tasks else None) as workers:
        yield from workers.imap(tasks)
