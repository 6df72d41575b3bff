"""This machine's network addresses, for the teacher to pick the one phones can reach."""

from __future__ import annotations

import os
import socket
import sys


def _linux_addresses() -> list[str]:
    import fcntl
    import struct
    out = []
    SIOCGIFADDR = 0x8915
    for _, name in socket.if_nameindex():
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            try:
                packed = fcntl.ioctl(probe.fileno(), SIOCGIFADDR,
                                     struct.pack("256s", name.encode()[:15]))
            except OSError:
                continue                 # an interface with no IPv4 address
            out.append(socket.inet_ntoa(packed[20:24]))
    return out


def _resolver_addresses() -> list[str]:
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return []
    return [info[4][0] for info in infos]


# A comma-separated list that replaces what the machine reports: for a computer whose
# interfaces hide the address phones reach (a VPN, a container, a forwarded port), and for
# screenshots. An entry may name the port phones use too ("192.168.1.20:8000").
ADDRESSES_ENV = "THAW_LAN_ADDRESSES"


def local_addresses() -> list[str]:
    """IPv4 addresses of this machine, LAN ones first, loopback last (and only if alone)."""
    forced = [a.strip() for a in os.environ.get(ADDRESSES_ENV, "").split(",") if a.strip()]
    if forced:
        return forced
    found = _linux_addresses() if sys.platform.startswith("linux") else []
    found += _resolver_addresses()
    seen: list[str] = []
    for address in found:
        if address not in seen:
            seen.append(address)
    lan = [a for a in seen if not a.startswith("127.")]
    return lan or ["127.0.0.1"]


def base_url(address: str, port: int) -> str:
    """http://address:port, where an address that names its own port keeps it."""
    return f"http://{address}" if ":" in address else f"http://{address}:{port}"


def join_url(address: str, port: int, code: str) -> str:
    return f"{base_url(address, port)}/?room={code}"
