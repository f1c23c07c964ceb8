#!/usr/bin/env python3
"""A real SMTP server for tests and local development (aiosmtpd): each accepted mail is saved
as DIR/<n>.eml. Prints "ready PORT" once it listens on 127.0.0.1, then runs until killed.

  smtp-sink.py --dir DIR [--port N] [--auth USER:PASSWORD] [--reject ADDRESS]
               [--drop-data N] [--tls-cert CERT --tls-key KEY] [--silent]

--auth        require AUTH PLAIN/LOGIN with these credentials (535 otherwise)
--reject      answer RCPT TO for this address with 550
--drop-data   close the connection in the middle of the first N messages' DATA
--tls-*       offer STARTTLS with this certificate, and require it before AUTH and MAIL
--silent      accept connections and never answer (for client timeouts)
"""
import argparse
import warnings
import asyncio
import os
import signal
import socket
import ssl
import sys
import time


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    warnings.simplefilter("ignore")
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--auth")
    parser.add_argument("--reject")
    parser.add_argument("--drop-data", type=int, default=0)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--silent", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    port = args.port or free_port()

    if args.silent:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", port))
        server.listen(16)
        print(f"ready {port}", flush=True)
        held = []
        while True:
            connection, _ = server.accept()
            held.append(connection)

    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    state = {"dropped": 0, "saved": 0}

    class Handler:
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if args.reject and address.lower() == args.reject.lower():
                return "550 5.1.1 mailbox unavailable"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            if state["dropped"] < args.drop_data:
                state["dropped"] += 1
                server.transport.abort()
                return "421 closing"
            state["saved"] += 1
            name = os.path.join(args.dir, f"{time.time_ns()}-{state['saved']}.eml")
            with open(name + ".tmp", "wb") as file:
                file.write(f"X-Envelope-From: {envelope.mail_from}\r\n".encode())
                file.write(f"X-Envelope-To: {','.join(envelope.rcpt_tos)}\r\n".encode())
                file.write(envelope.original_content)
            os.rename(name + ".tmp", name)
            return "250 Message accepted"

    def authenticator(server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        user, password = args.auth.split(":", 1)
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        # handled=False: aiosmtpd answers 535 itself on failure.
        return AuthResult(success=ok, handled=False)

    options = {}
    if args.auth:
        options.update(authenticator=authenticator, auth_required=True, auth_require_tls=bool(args.tls_cert))
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        options.update(tls_context=context, require_starttls=True)
    controller = Controller(Handler(), hostname="127.0.0.1", port=port, ready_timeout=60, **options)
    controller.start()
    print(f"ready {port}", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: (controller.stop(), sys.exit(0)))
    try:
        signal.pause()
    except KeyboardInterrupt:
        controller.stop()


if __name__ == "__main__":
    main()
