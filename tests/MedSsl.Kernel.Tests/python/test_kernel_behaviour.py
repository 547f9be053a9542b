"""What a user of the kernel relies on beyond the protocol checks: interrupts in both modes leave a working
kernel, Console.ReadLine reaches the front end, restart gives a fresh state, and messages signed with the wrong
key are dropped and logged."""
import tempfile
import time
import unittest

import kernel_env
import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

TIMEOUT = 60


def start(kernel_name, **popen):
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel(**popen)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT)
    return km, kc


def run(kc, code, **kw):
    """Executes code; returns (reply content, iopub outputs of that request)."""
    msg_id = kc.execute(code, **kw)
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
    return reply["content"], outputs(kc, msg_id)


def outputs(kc, msg_id):
    found = []
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return found
        if msg["msg_type"] not in ("status", "execute_input"):
            found.append((msg["msg_type"], msg["content"]))


def result_text(outs):
    return [c["data"]["text/plain"] for t, c in outs if t == "execute_result"]


class InterruptTests(unittest.TestCase):
    def interrupt_running_cell(self, km, kc, loop, interrupt):
        msg_id = kc.execute(loop)
        while True:  # wait until the cell is running
            msg = kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
                break
        time.sleep(1.0)
        started = time.monotonic()
        interrupt()
        reply = kc.get_shell_msg(timeout=30)
        while reply["parent_header"]["msg_id"] != msg_id:  # an interrupt_request sent on shell is answered there too
            self.assertEqual(reply["msg_type"], "interrupt_reply")
            reply = kc.get_shell_msg(timeout=30)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        self.assertLess(time.monotonic() - started, 15)
        self.assertIn(("error", "Interrupted"), [(t, c.get("ename")) for t, c in outputs(kc, msg_id)])
        reply, outs = run(kc, "kept + 1")  # the kernel survived, with its state
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(result_text(outs), ["42"])
        self.assertTrue(km.is_alive())

    def test_message_mode(self):
        km, kc = start(kernel_env.KERNEL)
        try:
            self.assertEqual(run(kc, "var kept = 41;")[0]["status"], "ok")
            # Jupyter: interrupt_request on control; the loop never checks a token, so it is aborted.
            self.interrupt_running_cell(km, kc, "while (true) { }", km.interrupt_kernel)
            # VS Code: interrupt_request on shell; the loop polls the kit's token, as training loops do.
            self.interrupt_running_cell(km, kc, "while (true) Notebook.CancellationToken.ThrowIfCancellationRequested();",
                                        lambda: kc.shell_channel.send(kc.session.msg("interrupt_request")))
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

    def test_signal_mode(self):
        # SIGINT to the kernel's process group; the cell is blocked in a wait, so it is woken.
        km, kc = start(kernel_env.SIGNAL_KERNEL)
        try:
            self.assertEqual(run(kc, "var kept = 41;")[0]["status"], "ok")
            self.interrupt_running_cell(km, kc, "System.Threading.Thread.Sleep(120_000);", km.interrupt_kernel)
            # shutdown_request on control: a reply, then the process ends by itself.
            request = kc.session.msg("shutdown_request", {"restart": False})
            kc.control_channel.send(request)
            reply = kc.get_control_msg(timeout=TIMEOUT)
            self.assertEqual((reply["msg_type"], reply["content"]), ("shutdown_reply", {"status": "ok", "restart": False}))
            deadline = time.monotonic() + 10
            while km.is_alive() and time.monotonic() < deadline:
                time.sleep(0.1)
            self.assertFalse(km.is_alive(), "the kernel outlived its shutdown_reply")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


class SessionTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.log = tempfile.TemporaryFile(mode="w+")
        cls.km, cls.kc = start(kernel_env.KERNEL, stderr=cls.log)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)
        cls.log.close()

    def test_badly_signed_messages_are_ignored_and_logged(self):
        context = zmq.Context.instance()
        shell = context.socket(zmq.DEALER)
        shell.linger = 0
        shell.connect(f"tcp://{self.km.ip}:{self.km.shell_port}")
        try:
            forged = Session(key=b"not-the-connection-key")
            request = forged.msg("execute_request", content={
                "code": 'Console.WriteLine("forged");', "silent": False, "store_history": True,
                "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
            forged.send(shell, request)
            self.assertEqual(shell.poll(2000), 0, "the kernel answered a forged message")
            # The same socket with the right key gets an answer, so silence above was the signature.
            genuine = Session(key=self.km.session.key)
            genuine.send(shell, genuine.msg("kernel_info_request"))
            self.assertNotEqual(shell.poll(TIMEOUT * 1000), 0)
            _, frames = genuine.feed_identities(shell.recv_multipart())
            self.assertEqual(genuine.deserialize(frames)["msg_type"], "kernel_info_reply")
        finally:
            shell.close()
        reply, outs = run(self.kc, '"still fine"')
        self.assertEqual(result_text(outs), ["still fine"])
        self.log.seek(0)
        self.assertIn("invalid signature", self.log.read())

    def test_heartbeat_echoes(self):
        hb = zmq.Context.instance().socket(zmq.REQ)
        hb.linger = 0
        hb.connect(f"tcp://{self.km.ip}:{self.km.hb_port}")
        try:
            hb.send(b"ping 42")
            self.assertNotEqual(hb.poll(10_000), 0, "no heartbeat")
            self.assertEqual(hb.recv(), b"ping 42")
        finally:
            hb.close()

    def test_kernel_info_on_control(self):
        msg = self.kc.session.msg("kernel_info_request")
        self.kc.control_channel.send(msg)
        reply = self.kc.get_control_msg(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg["header"]["msg_id"])
        self.assertEqual(reply["content"]["language_info"]["name"], "C#")

    def test_console_readline_asks_the_front_end(self):
        msg_id = self.kc.execute("var typed = Console.ReadLine(); typed.ToUpper()", allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=TIMEOUT)
        self.assertEqual(request["msg_type"], "input_request")
        self.kc.input("chest x-ray")
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(result_text(outputs(self.kc, msg_id)), ["CHEST X-RAY"])

    def test_console_readline_without_stdin_is_an_error(self):
        reply, _ = run(self.kc, "Console.ReadLine()", allow_stdin=False)
        self.assertEqual(reply["status"], "error")
        self.assertIn("allow_stdin", reply["evalue"])

    def test_queued_cells_are_aborted_after_an_error(self):
        # "Run all": the second request is queued behind the failing one and must not run.
        first = self.kc.execute('throw new Exception("stop here");')
        second = self.kc.execute('Console.WriteLine("must not run");')
        replies = {}
        while len(replies) < 2:
            msg = self.kc.get_shell_msg(timeout=TIMEOUT)
            replies[msg["parent_header"]["msg_id"]] = msg["content"]["status"]
        self.assertEqual(replies, {first: "error", second: "aborted"})

    def test_zz_restart_gives_a_fresh_state(self):
        run(self.kc, "var beforeRestart = 1;")
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=TIMEOUT)
        reply, _ = run(self.kc, "beforeRestart")
        self.assertEqual(reply["status"], "error")
        self.assertIn("CS0103", reply["evalue"])
        self.assertEqual(run(self.kc, "1")[0]["execution_count"], 2)


if __name__ == "__main__":
    unittest.main()
