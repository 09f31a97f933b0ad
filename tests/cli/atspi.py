"""What a Linux screen reader hears: the real window read through AT-SPI.

Run inside `dbus-run-session` by tests/cli/window.rs, as
`python3 atspi.py APP DISPLAY HOME`. It starts the accessibility bus
(at-spi-bus-launcher), turns accessibility on as a desktop does for Orca
(org.a11y.Status IsEnabled on the session bus), opens the app, and prints
as JSON every node of the app's tree that has a name: role, name and
description. It exits 0 once the tree holds the chart, 1 if it never does.
"""

import json
import os
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
    process = subprocess.Popen([launcher], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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


def named_nodes(node, out):
    """Every node under `node` that has a name, depth first."""
    try:
        role, name, description = node.getRoleName(), node.name, node.description
        count = node.childCount
    except Exception:  # A node that went away while read.
        return
    if name:
        out.append({"role": role, "name": name, "description": description})
    for index in range(count):
        try:
            child = node.getChildAtIndex(index)
        except Exception:
            continue
        if child is not None:
            named_nodes(child, out)


def main():
    app, display, home = sys.argv[1:4]
    bus = start_bus()
    env = dict(os.environ, DISPLAY=display, HOME=home, XDG_DATA_HOME=home, LANG="en_US.UTF-8")
    for name in ("WAYLAND_DISPLAY", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    window = subprocess.Popen([app], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            nodes = []
            desktop = pyatspi.Registry.getDesktop(0)
            for index in range(desktop.childCount):
                child = desktop.getChildAtIndex(index)
                if child is not None:
                    named_nodes(child, nodes)
            if any(n["name"].endswith(" chart") for n in nodes):
                print(json.dumps(nodes))
                return 0
            time.sleep(0.5)
        return 1
    finally:
        window.kill()
        window.wait()
        bus.kill()
        bus.wait()


if __name__ == "__main__":
    sys.exit(main())
