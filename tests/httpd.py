#!/usr/bin/env python3
"""httpd.py - the local HTTP server of lede's network tests.

Usage: httpd.py DOCROOT PORTFILE LOGFILE

Listens on 127.0.0.1 on a free port, writes the port number to PORTFILE
once it accepts connections, and appends one line per request to LOGFILE:
    GET /path inm=<If-None-Match or -> ims=<If-Modified-Since or -> ua=<UA>
Never touches any other host.  Routes:
    /page/NAME       DOCROOT/NAME with an ETag; If-None-Match -> 304
    /lm/NAME         DOCROOT/NAME with Last-Modified only; If-Modified-Since
                     -> 304
    /fresh/NAME      DOCROOT/NAME with Cache-Control: max-age=3600
    /redirect/N      302 chain of N hops ending at /page/article.html
    /relative        302 with a relative Location to /page/second.html
    /loop            302 to itself, for ever
    /status/CODE     that status with a small HTML body (404, 500, ...)
    /flaky/NAME      DOCROOT/NAME the first time, then 503 for ever
    /slow            headers, then one byte a second for 60 s
    /big/N           N bytes of HTML, chunked (no Content-Length)
    /bigcl/N         N bytes of HTML with a Content-Length
    /gzip/NAME       DOCROOT/NAME gzip-compressed (Content-Encoding)
    /gzipcut/NAME    the same, cut short (a whole HTTP answer of half a
                     gzip stream)
    /deflate/NAME    DOCROOT/NAME as Content-Encoding deflate (zlib)
    /rawdeflate/NAME the same without the zlib header, as some servers do
                     (NAME a number: that many bytes of generated HTML)
    /brotli/NAME     claims Content-Encoding br (lede never asks for it)
    /nothttp         an SSH banner, not HTTP
    /bighdr          a 200 KB header line
    /euckr           a Korean page in EUC-KR, charset only in Content-Type
    /image           a PNG (not HTML)
    /empty           200 with no body
"""
import gzip
import hashlib
import http.server
import os
import socketserver
import sys
import time
import urllib.parse
import zlib

DOCROOT, PORTFILE, LOGFILE = sys.argv[1:4]
FLAKY = set()   # /flaky/ pages served once already

KOREAN = ("<!DOCTYPE html><html><head><title>북한과 러시아</title></head>"
          "<body><article><h1>북한과 러시아의 새 협력</h1>"
          "<p>평양에서 열린 회담에서 두 나라는 경제 협력을 넓히기로 "
          "했다. 전문가들은 이번 합의가 지역 정세에 큰 영향을 줄 것으로 "
          "본다.</p><p>회담은 사흘 동안 이어졌으며 양측은 공동 성명을 "
          "발표했다.</p></article></body></html>")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "lede-test"
    sys_version = ""

    def log_message(self, fmt, *args):
        pass

    def log_request_line(self):
        with open(LOGFILE, "a") as f:
            f.write("%s %s inm=%s ims=%s ua=%s\n" % (
                self.command, self.path,
                self.headers.get("If-None-Match", "-"),
                self.headers.get("If-Modified-Since", "-"),
                self.headers.get("User-Agent", "-")))

    def send(self, code, body=b"", ctype="text/html; charset=utf-8",
             headers=()):
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        if code != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and code != 304:
            self.wfile.write(body)

    def doc(self, name):
        name = os.path.basename(urllib.parse.unquote(name))
        try:
            with open(os.path.join(DOCROOT, name), "rb") as f:
                return f.read()
        except OSError:
            return None

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        self.log_request_line()
        path = self.path.split("?", 1)[0]
        parts = path.strip("/").split("/", 1)
        head, rest = parts[0], parts[1] if len(parts) > 1 else ""
        if head == "page":
            body = self.doc(rest)
            if body is None:
                return self.send(404, b"<p>no such page</p>")
            etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, ctype=None, headers=[("ETag", etag)])
            return self.send(200, body, headers=[("ETag", etag)])
        if head == "lm":
            body = self.doc(rest)
            lm = "Wed, 21 Oct 2026 07:28:00 GMT"
            if self.headers.get("If-Modified-Since") == lm:
                return self.send(304, ctype=None)
            return self.send(200, body, headers=[("Last-Modified", lm)])
        if head == "fresh":
            return self.send(200, self.doc(rest),
                             headers=[("Cache-Control", "max-age=3600")])
        if head == "redirect":
            n = int(rest or "0")
            to = "/redirect/%d" % (n - 1) if n > 0 else "/page/article.html"
            return self.send(302, b"", headers=[("Location", to)])
        if head == "relative":
            return self.send(302, b"", headers=[("Location",
                                                 "../page/second.html")])
        if head == "loop":
            return self.send(302, b"", headers=[("Location", "/loop")])
        if head == "status":
            code = int(rest)
            return self.send(code, b"<html><body><p>error %d</p></body>"
                             b"</html>" % code)
        if head == "flaky":
            if rest in FLAKY:
                return self.send(503, b"<p>down for maintenance</p>")
            FLAKY.add(rest)
            return self.send(200, self.doc(rest))
        if head == "slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "60")
            self.end_headers()
            try:
                for _ in range(60):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(1)
            except OSError:
                pass
            return None
        if head in ("big", "bigcl"):
            n = int(rest)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            if head == "bigcl":
                self.send_header("Content-Length", str(n))
            else:
                self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65530 + b"</p>\n"
            left = n
            try:
                while left > 0:
                    c = chunk[:left]
                    if head == "big":
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(c), c))
                    else:
                        self.wfile.write(c)
                    left -= len(c)
                if head == "big":
                    self.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass
            return None
        if head in ("nothttp", "bighdr"):
            try:
                if head == "nothttp":
                    self.wfile.write(b"SSH-2.0-OpenSSH_9.2\r\n")
                else:
                    self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Big: " +
                                     b"a" * 200000 + b"\r\nContent-Length:"
                                     b" 2\r\n\r\nhi")
            except OSError:
                pass
            self.close_connection = True
            return None
        if head in ("gzipcut", "deflate", "rawdeflate", "brotli"):
            # A number: that many bytes of varied HTML (text that does
            # not compress to nothing).
            if rest.isdigit():
                # Text that compresses well: all of its compressed form
                # comes in one piece, with more output than a buffer.
                body = (b"abcabcabd" * (int(rest) // 9 + 1))[:int(rest)]
            else:
                body = self.doc(rest)
            if head == "gzipcut":
                z = gzip.compress(body)
                return self.send(200, z[:len(z) // 2],
                                 headers=[("Content-Encoding", "gzip")])
            if head == "brotli":
                return self.send(200, body,
                                 headers=[("Content-Encoding", "br")])
            c = zlib.compressobj(9, zlib.DEFLATED,
                                 15 if head == "deflate" else -15)
            return self.send(200, c.compress(body) + c.flush(),
                             headers=[("Content-Encoding", "deflate")])
        if head == "gzip":
            body = self.doc(rest)
            if "gzip" not in self.headers.get("Accept-Encoding", ""):
                return self.send(406, b"<p>gzip only</p>")
            return self.send(200, gzip.compress(body),
                             headers=[("Content-Encoding", "gzip")])
        if head == "euckr":
            return self.send(200, KOREAN.encode("euc_kr"),
                             ctype="text/html; charset=EUC-KR")
        if head == "image":
            return self.send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
                             ctype="image/png")
        if head == "empty":
            return self.send(200, b"")
        return self.send(404, b"<p>no such route</p>")


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # Clients hang up on purpose (cancel, size cap, timeout).
        pass


def main():
    srv = Server(("127.0.0.1", 0), Handler)
    tmp = PORTFILE + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % srv.server_address[1])
    os.rename(tmp, PORTFILE)
    srv.serve_forever()


if __name__ == "__main__":
    main()
