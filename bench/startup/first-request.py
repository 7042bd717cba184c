#!/usr/bin/env python3
"""Time from starting a command to its first request to a Cognito endpoint on a local port.

A stand-in endpoint listens on --port; every request it gets is answered at once with Cognito's
NotAuthorizedException (HTTP 400, not retried), so the command ends right after its first call.
Measured per run: the time from spawning the command to accepting its first connection ("first
request") and to its exit ("total"). The commands run in turn (A, B, A, B, ...), so load changes on a
shared machine hit each alike; medians are printed.

    first-request.py --port PORT --runs N LABEL=COMMAND [LABEL=COMMAND ...]
"""
import argparse
import select
import socket
import statistics
import subprocess
import threading
import time

def answer(conn):
    body = b'{"__type":"NotAuthorizedException","message":"bench stand-in"}'
    head = (b'HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\n'
            b'x-amzn-ErrorType: NotAuthorizedException\r\nConnection: close\r\n'
            b'Content-Length: ' + str(len(body)).encode() + b'\r\n\r\n')
    try:
        conn.settimeout(10)
        data = b''
        while b'\r\n\r\n' not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return
            data += chunk
        header, _, rest = data.partition(b'\r\n\r\n')
        length = 0
        for line in header.split(b'\r\n'):
            if line.lower().startswith(b'content-length:'):
                length = int(line.split(b':', 1)[1])
        while len(rest) < length:
            chunk = conn.recv(65536)
            if not chunk:
                break
            rest += chunk
        conn.sendall(head + body)
    except OSError:
        pass
    finally:
        conn.close()


def run_once(server, command):
    start = time.perf_counter()
    proc = subprocess.Popen(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    first = None
    while True:
        ready, _, _ = select.select([server], [], [], 0.02)
        if ready:
            conn, _ = server.accept()
            if first is None:
                first = time.perf_counter() - start
            threading.Thread(target=answer, args=(conn,), daemon=True).start()
        elif proc.poll() is not None:
            break
    return first, time.perf_counter() - start, proc.returncode


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--port', type=int, required=True)
    parser.add_argument('--runs', type=int, default=7)
    parser.add_argument('--warmup', type=int, default=1)
    parser.add_argument('commands', nargs='+', metavar='LABEL=COMMAND')
    args = parser.parse_args()
    commands = [c.split('=', 1) for c in args.commands]
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(('127.0.0.1', args.port))
    server.listen(64)
    results = {label: [] for label, _ in commands}
    for i in range(args.warmup + args.runs):
        for label, command in commands:
            first, total, code = run_once(server, command)
            if first is None:
                raise SystemExit(f'{label}: no request reached port {args.port} (exit {code}): {command}')
            if i >= args.warmup:
                results[label].append((first, total))
    for label, runs in results.items():
        firsts = sorted(r[0] for r in runs)
        totals = sorted(r[1] for r in runs)
        print(f'{label}: first request median {statistics.median(firsts):.3f} s '
              f'(min {firsts[0]:.3f}, max {firsts[-1]:.3f}); total median {statistics.median(totals):.3f} s; '
              f'{len(runs)} runs')


if __name__ == '__main__':
    main()
