#!/usr/bin/env python3
"""The stack namespace's DNS server: every query is answered NXDOMAIN, at once.

The namespace's hosts file lists the names the stack serves; any other name must fail as an unknown name does on
the Internet ("no such host"), not with "connection refused" (which docker and the SDK retry as transient).
Listens on UDP and TCP port 53 of the address given (inside the stack's network namespace).

Usage: dns-stub.py ADDRESS
"""
import socket
import socketserver
import struct
import sys
import threading


def nxdomain(query):
    """The answer to one DNS message: same id and question, QR=1, RD copied, RA=1, RCODE=3, no records."""
    if len(query) < 12:
        return None
    ident, flags, qdcount = struct.unpack("!HHH", query[:6])
    # the question section: QNAME labels, then QTYPE and QCLASS
    end = 12
    for _ in range(qdcount):
        while end < len(query) and query[end] != 0:
            end += query[end] + 1
        end += 5
    if end > len(query):
        return None
    answer_flags = 0x8000 | (flags & 0x7900) | 0x0080 | 3  # QR, opcode and RD copied, RA, NXDOMAIN
    return struct.pack("!HHHHHH", ident, answer_flags, qdcount, 0, 0, 0) + query[12:end]


class Udp(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        answer = nxdomain(data)
        if answer:
            sock.sendto(answer, self.client_address)


class Tcp(socketserver.BaseRequestHandler):
    def handle(self):
        header = self.request.recv(2)
        if len(header) < 2:
            return
        (length,) = struct.unpack("!H", header)
        data = b""
        while len(data) < length:
            chunk = self.request.recv(length - len(data))
            if not chunk:
                return
            data += chunk
        answer = nxdomain(data)
        if answer:
            self.request.sendall(struct.pack("!H", len(answer)) + answer)


if __name__ == "__main__":
    address = sys.argv[1]
    socketserver.ThreadingUDPServer.allow_reuse_address = True
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    udp = socketserver.ThreadingUDPServer((address, 53), Udp)
    tcp = socketserver.ThreadingTCPServer((address, 53), Tcp)
    threading.Thread(target=tcp.serve_forever, daemon=True).start()
    print(f"answering NXDOMAIN on {address}:53", flush=True)
    udp.serve_forever()
