#!/usr/bin/env python3
"""Paired timing of commands: they run in turn (A, B, C, A, B, C, ...), so load changes on a shared
machine hit each alike; medians (with min and max) of the wall time are printed, and the CPU time
(user + system) of the run's process tree.

With --port, also the time from starting a command to its first request: a stand-in Cognito endpoint
listens on the port and answers every request at once with NotAuthorizedException (HTTP 400, not
retried), so the command ends right after its first call. Measured per run: from spawning the
command to accepting its first connection ("first request").

    paired-runs.py [--port PORT] [--runs N] [--warmup N] LABEL=COMMAND [LABEL=COMMAND ...]
"""
import os
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
    cpu_before = os.times()
    start = time.perf_counter()
    proc = subprocess.Popen(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    first = None
    while True:
        ready, _, _ = select.select([server] if server else [], [], [], 0.005)
        if ready:
            conn, _ = server.accept()
            if first is None:
                first = time.perf_counter() - start
            threading.Thread(target=answer, args=(conn,), daemon=True).start()
        elif proc.poll() is not None:
            break
    wall = time.perf_counter() - start
    cpu_after = os.times()
    cpu = (cpu_after.children_user - cpu_before.children_user) + (cpu_after.children_system - cpu_before.children_system)
    return first, wall, cpu, proc.returncode


def summary(values):
    values = sorted(values)
    return f'{statistics.median(values):.3f} s (min {values[0]:.3f}, max {values[-1]:.3f})'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--port', type=int)
    parser.add_argument('--runs', type=int, default=7)
    parser.add_argument('--warmup', type=int, default=1)
    parser.add_argument('commands', nargs='+', metavar='LABEL=COMMAND')
    args = parser.parse_args()
    commands = [c.split('=', 1) for c in args.commands]
    server = None
    if args.port:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(('127.0.0.1', args.port))
        server.listen(64)
    results = {label: [] for label, _ in commands}
    for i in range(args.warmup + args.runs):
        for label, command in commands:
            first, wall, cpu, code = run_once(server, command)
            if server and first is None:
                raise SystemExit(f'{label}: no request reached port {args.port} (exit {code}): {command}')
            if not server and code != 0:
                raise SystemExit(f'{label}: exit {code}: {command}')
            if i >= args.warmup:
                results[label].append((first, wall, cpu))
    for label, runs in results.items():
        line = f'{label:28} wall {summary(r[1] for r in runs)}; cpu {summary(r[2] for r in runs)}'
        if server:
            line += f'; first request {summary(r[0] for r in runs)}'
        print(f'{line}; {len(runs)} runs')


if __name__ == '__main__':
    main()
