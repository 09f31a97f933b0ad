"""What a Linux screen reader hears: the real window read through AT-SPI.

Run inside `dbus-run-session` by tests/cli/window.rs, as
`python3 atspi.py APP DISPLAY HOME`. It starts the accessibility bus
(at-spi-bus-launcher), turns accessibility on as a desktop does for Orca
(org.a11y.Status IsEnabled on the session bus), opens the app, and prints
as JSON every node of the app's tree that has a name: role, name,
description and where it is on the screen (x, y, width, height). It exits
0 once the tree holds the chart, 1 if it never does.

As `python3 atspi.py APP DISPLAY HOME UNTIL... [-- ARG...]` (the app
opened with the ARGs) it waits instead until
each UNTIL is part of some node's name, prints the nodes as one line of
JSON (the app's process id and the nodes), and leaves the app running: it exits with the app's own status once
the app closes (the test closes it as a user would), or 3 if it does not
close within two minutes.
"""

import json
import os
import signal
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Gio, GLib  # noqa: E402
import pyatspi  # noqa: E402

LAUNCHERS = [
    "/usr/libexec/at-spi-bus-launcher",
    "/usr/lib/at-spi2-core/at-spi-bus-launcher",
    "/usr/lib/at-spi2/at-spi-bus-launcher",
]


def start_bus():
    """Starts the accessibility bus and turns accessibility on."""
    launcher = next((p for p in LAUNCHERS if os.path.exists(p)), None)
    if launcher is None:
        sys.exit("no at-spi-bus-launcher (apt-get install at-spi2-core)")
    process = subprocess.Popen([launcher], stdout=subprocess.DEVNULL)
    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    deadline = time.time() + 30
    while True:
        owned = session.call_sync(
            "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
            "NameHasOwner", GLib.Variant("(s)", ("org.a11y.Bus",)),
            None, Gio.DBusCallFlags.NONE, -1, None,
        ).unpack()[0]
        if owned:
            break
        if time.time() > deadline:
            sys.exit("the accessibility bus did not start")
        time.sleep(0.1)
    session.call_sync(
        "org.a11y.Bus", "/org/a11y/bus", "org.freedesktop.DBus.Properties", "Set",
        GLib.Variant("(ssv)", ("org.a11y.Status", "IsEnabled", GLib.Variant("b", True))),
        None, Gio.DBusCallFlags.NONE, -1, None,
    )
    return process


def children(pid):
    """The processes whose parent is `pid`."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[1] == str(pid):
                found.append(int(entry))
    return found


def named_nodes(node, out):
    """Every node under `node` that has a name, depth first."""
    try:
        role, name, description = node.getRoleName(), node.name, node.description
        count = node.childCount
    except Exception:  # A node that went away while read.
        return
    if name:
        try:
            extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            place = [extents.x, extents.y, extents.width, extents.height]
        except Exception:  # A node with no place on the screen.
            place = None
        out.append({"role": role, "name": name, "description": description, "extents": place})
    for index in range(count):
        try:
            child = node.getChildAtIndex(index)
        except Exception:
            continue
        if child is not None:
            named_nodes(child, out)


def main():
    app, display, home = sys.argv[1:4]
    until, app_args = sys.argv[4:], []
    if "--" in until:
        app_args = until[until.index("--") + 1:]
        until = until[:until.index("--")]
    bus = start_bus()
    env = dict(os.environ, DISPLAY=display, HOME=home, XDG_DATA_HOME=home, LANG="en_US.UTF-8")
    for name in ("WAYLAND_DISPLAY", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    window = subprocess.Popen([app, *app_args], env=env, stdout=subprocess.DEVNULL)
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            nodes = []
            desktop = pyatspi.Registry.getDesktop(0)
            for index in range(desktop.childCount):
                child = desktop.getChildAtIndex(index)
                if child is not None:
                    named_nodes(child, nodes)
            if until and all(any(u in n["name"] for n in nodes) for u in until):
                print(json.dumps({"pid": window.pid, "nodes": nodes}), flush=True)
                try:
                    return window.wait(timeout=120)
                except subprocess.TimeoutExpired:
                    return 3
            if not until and any(n["name"].endswith(" chart") for n in nodes):
                print(json.dumps(nodes))
                return 0
            time.sleep(0.5)
        return 1
    finally:
        window.kill()
        window.wait()
        # The launcher's own bus daemon first: killing the launcher alone
        # leaves it running.
        for child in children(bus.pid):
            try:
                os.kill(child, signal.SIGTERM)
            except ProcessLookupError:
                pass
        bus.kill()
        bus.wait()


if __name__ == "__main__":
    sys.exit(main())
