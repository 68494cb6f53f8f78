"""gunicorn settings, read from the working directory by the container's CMD and `serve`."""

import os

bind = [f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"]
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Threads per worker: a long check holds one thread, not the process, so /healthz and cached
# answers go on meanwhile. The app is thread-safe (models, sessions, caches, pools).
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A check fans out to sources with deadlines well below this; it only guards against hangs.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
# Heartbeat files in memory: a container's overlay filesystem can stall workers.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None


def on_starting(server):
    """Start with an empty metrics directory: a previous run's samples would be summed in."""
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(folder):
            if name.endswith(".db"):  # only prometheus_client's files, whatever the folder
                os.remove(os.path.join(folder, name))


def child_exit(server, worker):
    """Drop a dead worker's live gauges from /metrics."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
