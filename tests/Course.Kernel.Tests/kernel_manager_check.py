"""Starts the installed .net-csharp kernel the way Jupyter front ends do (KernelManager + kernelspec) and
checks interrupt (interrupt_mode "message"), Console.ReadLine() through stdin, restart (a fresh session), heartbeat and shutdown.
JUPYTER_PATH must point at the folder holding kernels/.net-csharp.
"""
import queue
import sys

from jupyter_client.manager import KernelManager

TIMEOUT = 120


def check(condition, what, evidence=None):
    """Stops at the first failed check; evidence (the reply checked) is printed with it."""
    if not condition:
        sys.exit(f"FAILED: {what}" + ("" if evidence is None else f"\n  got: {evidence}"))
    print(f"ok: {what}")


def wait_for_iopub(msg_type, parent_id):
    while True:
        message = client.get_iopub_msg(timeout=TIMEOUT)
        if message["msg_type"] == msg_type and message["parent_header"].get("msg_id") == parent_id:
            return message


manager = KernelManager(kernel_name=".net-csharp")
manager.start_kernel()
client = manager.client()
client.start_channels()
try:
    client.wait_for_ready(timeout=TIMEOUT)
    check(manager.is_alive(), "kernel process started from the kernelspec")

    reply = client.execute("var kept = 41 + 1;\nConsole.WriteLine(kept);", reply=True, timeout=TIMEOUT)["content"]
    check(reply["status"] == "ok", "a C# cell runs", reply)

    running = client.execute("while (true) { System.Threading.Thread.Sleep(10); }")
    # Interrupt once the kernel has taken this cell up (its execute_input), as a person does after seeing
    # it run. iopub still holds the earlier cells' messages, so just any next message proves nothing: an
    # interrupt sent then can reach the kernel before the execute_request does, finds nothing to stop,
    # and the endless cell never ends.
    wait_for_iopub("execute_input", running)
    manager.interrupt_kernel()
    try:
        reply = client.get_shell_msg(timeout=TIMEOUT)
    except queue.Empty:
        sys.exit(f"FAILED: no execute_reply {TIMEOUT} s after the interrupt (the endless cell was not stopped)")
    check(reply["parent_header"]["msg_id"] == running and reply["content"]["status"] == "error", "interrupt stops an endless cell", reply)

    reply = client.execute("Console.WriteLine(kept);", reply=True, timeout=TIMEOUT)["content"]
    check(reply["status"] == "ok", "state survives an interrupt", reply)

    prompts, outputs = [], []

    def answer(message):
        prompts.append(message["content"]["prompt"])
        client.input("Ada")

    reply = client.execute_interactive('Console.Write("Name: ");\nConsole.WriteLine($"Hello {Console.ReadLine()}");',
                                       allow_stdin=True, stdin_hook=answer, output_hook=outputs.append, timeout=TIMEOUT)["content"]
    check(reply["status"] == "ok" and prompts == ["Name: "], "Console.ReadLine() asks the front end, with the written prompt", reply)
    check(any(m["msg_type"] == "stream" and m["content"]["text"] == "Hello Ada\n" for m in outputs), "the answer reaches the cell")

    manager.restart_kernel(now=False)
    client.wait_for_ready(timeout=TIMEOUT)
    reply = client.execute("Console.WriteLine(kept);", reply=True, timeout=TIMEOUT)["content"]
    check(reply["status"] == "error", "after restart the session is fresh (kept is gone)", reply)
    check(manager.is_alive(), "the restarted kernel is alive")
finally:
    client.stop_channels()
    manager.shutdown_kernel(now=False)

check(not manager.is_alive(), "shutdown_request ends the kernel process")
print("ALL CHECKS PASSED")
