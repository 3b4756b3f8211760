"""Qt's answer to "which proxy for this address?": the operating system's own resolution
(WinHTTP on Windows, CFNetwork on macOS), which runs the company's PAC script and discovers WPAD
as the system's browser does, manual settings and bypass lists included. Qt ships with us already
(its network module adds about 2.5 MB to the Windows bundle); a PAC library of our own would need
a JavaScript engine and would still miss WPAD's discovery by DHCP. On Linux the wheels carry no
libproxy and Qt reads the environment, which ``api/network.proxy_for`` reads itself.
"""

from __future__ import annotations

from contact_desk.api.system_proxy import NoAnswer


def ask_qt(url: str) -> str | None:
    """The first usable proxy the system names for ``url`` ("http://host:port"), None for direct.
    Raises NoAnswer when the system names only proxies we cannot use (SOCKS)."""
    try:
        from PySide6.QtCore import QUrl
        from PySide6.QtNetwork import QNetworkProxy, QNetworkProxyFactory, QNetworkProxyQuery
    except ImportError as exc:  # a bundle without Qt's network module
        raise NoAnswer("Qt's network module is not available") from exc
    kinds = QNetworkProxy.ProxyType
    for proxy in QNetworkProxyFactory.systemProxyForQuery(QNetworkProxyQuery(QUrl(url))):
        if proxy.type() == kinds.NoProxy:
            return None
        if proxy.type() in (kinds.HttpProxy, kinds.HttpCachingProxy) and proxy.hostName():
            return f"http://{proxy.hostName()}:{proxy.port() or 8080}"
    raise NoAnswer("the system names no HTTP proxy for this address")
