"""Starts the installed .net-csharp kernel the way Jupyter front ends do (KernelManager + kernelspec) and
checks interrupt (interrupt_mode "message"), restart (a fresh session), heartbeat and shutdown.
JUPYTER_PATH must point at the folder holding kernels/.net-csharp.
"""
import sys

from jupyter_client.manager import KernelManager

TIMEOUT = 120


def check(condition, what):
    if not condition:
        sys.exit(f"FAILED: {what}")
    print(f"ok: {what}")


manager = KernelManager(kernel_name=".net-csharp")
manager.start_kernel()
client = manager.client()
client.start_channels()
try:
    client.wait_for_ready(timeout=TIMEOUT)
    check(manager.is_alive(), "kernel process started from the kernelspec")

    reply = client.execute("var kept = 41 + 1;\nConsole.WriteLine(kept);", reply=True, timeout=TIMEOUT)["content"]
    check(reply["status"] == "ok", "a C# cell runs")

    running = client.execute("while (true) { System.Threading.Thread.Sleep(10); }")
    client.get_iopub_msg(timeout=TIMEOUT)  # busy: the cell has started
    manager.interrupt_kernel()
    reply = client.get_shell_msg(timeout=TIMEOUT)
    check(reply["parent_header"]["msg_id"] == running and reply["content"]["status"] == "error", "interrupt stops an endless cell")

    reply = client.execute("Console.WriteLine(kept);", reply=True, timeout=TIMEOUT)["content"]
    check(reply["status"] == "ok", "state survives an interrupt")

    manager.restart_kernel(now=False)
    client.wait_for_ready(timeout=TIMEOUT)
    reply = client.execute("Console.WriteLine(kept);", reply=True, timeout=TIMEOUT)["content"]
    check(reply["status"] == "error", "after restart the session is fresh (kept is gone)")
    check(manager.is_alive(), "the restarted kernel is alive")
finally:
    client.stop_channels()
    manager.shutdown_kernel(now=False)

check(not manager.is_alive(), "shutdown_request ends the kernel process")
print("ALL CHECKS PASSED")
