"""A soak run of the installed .net-csharp kernel through jupyter_client's KernelManager: REQUESTS execute
requests, every INTERRUPT_EVERY-th of them an endless cell stopped by an interrupt. Every request must get its
one execute_reply and its complete iopub sequence (busy, execute_input, the cell's own output, idle).
Prints a SOAK line with the kernel's memory after the first WARM_UP requests and at the end (resident, and the
managed heap after a full collection). Memory is reported, not bounded: it grows with every cell today (the
script session keeps each submission; see docs/performance.md), which issue 13 leaves open.
JUPYTER_PATH must point at the folder holding kernels/.net-csharp.
"""
import os
import sys
import time

from jupyter_client.manager import KernelManager

REQUESTS = int(os.environ.get("SOAK_REQUESTS", "2000"))
INTERRUPT_EVERY = 100
WARM_UP = 200
TIMEOUT = 120


def fail(what):
    sys.exit(f"FAILED: {what}")


def resident_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def managed_heap_mb():
    """The kernel's managed heap after a full collection, asked of the kernel itself (its own request, not counted)."""
    reply = client.execute_interactive("GC.GetTotalMemory(forceFullCollection: true) / 1048576.0", timeout=TIMEOUT,
                                       output_hook=lambda m: results.append(m) if m["msg_type"] == "execute_result" else None)
    return float(results.pop()["content"]["data"]["text/plain"])


def iopub_until_idle(msg_id):
    """The iopub messages whose parent is msg_id, up to and including its idle status."""
    messages = []
    while True:
        message = client.get_iopub_msg(timeout=TIMEOUT)
        parent = message["parent_header"].get("msg_id")
        # The statuses of wait_for_ready's kernel_info and of the interrupt requests are not ours to count (the
        # manager numbers its interrupt_request ids with its own counter, so an id can repeat an execute's).
        if message["parent_header"].get("msg_type") != "execute_request" or parent not in sent:
            continue
        if parent != msg_id:
            fail(f"an iopub {message['msg_type']} of request {sent[parent]} arrived while waiting for the one of request {sent[msg_id]}")
        messages.append(message)
        if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            return messages


def cell(i):
    """The request's code and the output it must produce (message type, text), or None for none."""
    kind = i % 3
    if kind == 0:
        return f"Console.WriteLine({i});", ("stream", f"{i}\n")
    if kind == 1:
        return f"{i} * 2", ("execute_result", str(i * 2))
    return f"var v{i} = {i};", None


manager = KernelManager(kernel_name=".net-csharp")
manager.start_kernel()
client = manager.client()
client.start_channels()
interrupts = 0
sent = {}                                                           # msg_id -> request number
results = []
try:
    client.wait_for_ready(timeout=TIMEOUT)
    pid = manager.provisioner.process.pid if getattr(manager, "provisioner", None) else manager.kernel.pid
    started = time.perf_counter()
    warm_kb = None
    for i in range(REQUESTS):
        interrupted = i % INTERRUPT_EVERY == INTERRUPT_EVERY - 1
        code, expected = ("while (true) { System.Threading.Thread.Sleep(5); }", None) if interrupted else cell(i)
        msg_id = client.execute(code)
        sent[msg_id] = i
        if interrupted:
            while True:                                             # interrupt once the kernel has taken the cell up
                message = client.get_iopub_msg(timeout=TIMEOUT)
                if message["msg_type"] == "execute_input" and message["parent_header"].get("msg_id") == msg_id:
                    break
            manager.interrupt_kernel()
            interrupts += 1
        reply = client.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") != msg_id:
            fail(f"request {i}: the execute_reply answers {reply['parent_header'].get('msg_id')}, not {msg_id}")
        status = reply["content"]["status"]
        if status != ("error" if interrupted else "ok"):
            fail(f"request {i}: execute_reply status {status}: {reply['content']}")
        messages = iopub_until_idle(msg_id)
        types = [m["msg_type"] for m in messages]
        if not interrupted:
            if types[0] != "status" or messages[0]["content"]["execution_state"] != "busy" or "execute_input" not in types:
                fail(f"request {i}: iopub sequence {types} lacks its busy status or execute_input")
            if expected is not None:
                kind, text = expected
                shown = [m["content"]["text"] if kind == "stream" else m["content"]["data"]["text/plain"] for m in messages if m["msg_type"] == kind]
                if shown != [text]:
                    fail(f"request {i}: expected one {kind} {text!r}, got {shown} in {types}")
        if i + 1 == WARM_UP:
            warm_kb, warm_heap = resident_kb(pid), managed_heap_mb()
    seconds = time.perf_counter() - started
    final_kb, final_heap = resident_kb(pid), managed_heap_mb()
finally:
    client.stop_channels()
    manager.shutdown_kernel(now=True)

growth_per_request = (final_kb - warm_kb) / (REQUESTS - WARM_UP)
print(f"SOAK requests={REQUESTS} interrupts={interrupts} seconds={seconds:.1f} rss_after_warm_up_mb={warm_kb / 1024:.1f} "
      f"rss_final_mb={final_kb / 1024:.1f} growth_per_request_kb={growth_per_request:.1f} "
      f"managed_heap_after_warm_up_mb={warm_heap:.1f} managed_heap_final_mb={final_heap:.1f}")
print("ALL CHECKS PASSED")
