"""Checks one endpoint and decides whether it is healthy."""
import urllib.request
import time

FAILURES_TO_OPEN = 3


def check(url: str, expect_status: int = 200, budget_ms: int = 2000) -> dict:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=budget_ms / 1000) as response:
            status = response.status
    except Exception as error:  # noqa: BLE001 - any failure is a failed check
        return {"ok": False, "error": str(error), "ms": int((time.monotonic() - started) * 1000)}
    ms = int((time.monotonic() - started) * 1000)
    return {"ok": status == expect_status and ms <= budget_ms, "status": status, "ms": ms}
