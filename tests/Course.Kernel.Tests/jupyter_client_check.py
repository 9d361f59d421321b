"""Drives a running kernel with Debian's real jupyter_client (connection file given as argv[1]).

The kernel runs the test's fake session: `print x`, `display ID x`, `update ID x`, `result x`,
`fail message`, `input prompt`. Prints one line per check; exits non-zero with the reason on the first failure.
"""
import sys

import zmq
from jupyter_client import BlockingKernelClient
from jupyter_client.session import Session

TIMEOUT = 60


def check(condition, what, evidence=None):
    """Stops at the first failed check; evidence (the reply checked) is printed with it."""
    if not condition:
        sys.exit(f"FAILED: {what}" + ("" if evidence is None else f"\n  got: {evidence}"))
    print(f"ok: {what}")


client = BlockingKernelClient(connection_file=sys.argv[1])
client.load_connection_file()
# Without a kernel manager, jupyter_client judges a kernel alive by its heartbeat channel, which gives each
# ping exactly one second; a test machine busy with other tests can miss that once, and wait_for_ready
# then reports a dead kernel. The heartbeat is checked below with a patient ping instead.
client.start_channels(hb=False)
client.wait_for_ready(timeout=TIMEOUT)

info = client.kernel_info(reply=True, timeout=TIMEOUT)["content"]
check(info["status"] == "ok" and info["protocol_version"] == "5.3", "kernel_info_reply on protocol 5.3", info)
check(info["language_info"]["name"] == "C#" and info["language_info"]["file_extension"] == ".cs", "language_info is C#", info)

outputs = []
reply = client.execute_interactive(
    "print hello\ndisplay d1 one\nupdate d1 two\nresult 42", output_hook=outputs.append, timeout=TIMEOUT)["content"]
kinds = [message["msg_type"] for message in outputs]
check(reply["status"] == "ok" and reply["execution_count"] == 1, "execute_reply ok, execution_count 1", reply)
check(kinds == ["status", "execute_input", "stream", "display_data", "update_display_data", "execute_result", "status"],
      f"iopub sequence {kinds}")
display, update = outputs[3]["content"], outputs[4]["content"]
check(display["transient"]["display_id"] == "d1" and update["transient"]["display_id"] == "d1", "display and update share display_id")
check(update["data"]["text/plain"] == "two", "update carries the new content")
check(outputs[5]["content"]["data"]["application/json"] == {"value": "42"}, "JSON MIME data arrives as JSON")

outputs = []
reply = client.execute_interactive("fail boom", output_hook=outputs.append, timeout=TIMEOUT)["content"]
check(reply["status"] == "error" and reply["ename"] == "FakeError" and reply["evalue"] == "boom", "error reply with ename/evalue", reply)
check(any(m["msg_type"] == "error" and m["content"]["evalue"] == "boom" for m in outputs), "error output on iopub")

# A message signed with the wrong key, on the client's own shell socket: the kernel must drop it.
forger = Session(key=b"not-the-kernel-key", username="forger")
forged = forger.send(client.shell_channel.socket, "execute_request",
                     {"code": "print forged", "silent": False, "store_history": True,
                      "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
request_id = client.kernel_info()
reply = client.get_shell_msg(timeout=TIMEOUT)
check(reply["parent_header"]["msg_id"] == request_id, "the forged request got no reply; the next signed one did", reply)

heart = zmq.Context.instance().socket(zmq.REQ)
heart.connect(f"{client.transport}://{client.ip}:{client.hb_port}")
heart.send(b"ping")
check(heart.poll(TIMEOUT * 1000) and heart.recv() == b"ping", "heartbeat echoes a ping")
heart.close()

reply = client.execute(
    "print after", reply=True, timeout=TIMEOUT)["content"]
check(reply["status"] == "ok" and reply["execution_count"] == 3, "the kernel still executes (the forged cell was not counted)", reply)

prompts, outputs = [], []


def answer(message):
    prompts.append(message["content"]["prompt"])
    client.input("Ada")


reply = client.execute_interactive("input Name:", allow_stdin=True, stdin_hook=answer, output_hook=outputs.append, timeout=TIMEOUT)["content"]
check(reply["status"] == "ok" and prompts == ["Name:"], "a cell's input_request reaches the client's stdin_hook", reply)
check(any(m["msg_type"] == "stream" and m["content"]["text"] == "got Ada\n" for m in outputs), "the input_reply reaches the cell")

client.stop_channels()
print("ALL CHECKS PASSED")
