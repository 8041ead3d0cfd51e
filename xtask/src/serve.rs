//! A small static file server for the built widget (what `cargo xtask serve` runs),
//! on tiny_http: one thread a request, no caching, `.wasm` as `application/wasm`.

use std::fs::File;
use std::path::{Component, Path, PathBuf};

use tiny_http::{Header, Request, Response, Server};

use crate::util::Result;

pub fn run(address: &str, dir: &Path) -> Result {
    let server = Server::http(address).map_err(|e| format!("cannot listen on {address}: {e}"))?;
    println!("Serving {} on http://{address}/ (Ctrl-C stops)", dir.display());
    serve(&server, dir);
    Ok(())
}

/// Answers the server's requests from `dir` until the server stops.
fn serve(server: &Server, dir: &Path) {
    for request in server.incoming_requests() {
        let dir = dir.to_path_buf();
        std::thread::spawn(move || respond(request, &dir));
    }
}

fn respond(request: Request, dir: &Path) {
    let path = request.url().split(['?', '#']).next().unwrap_or("/");
    let found = resolve(dir, path).and_then(|p| File::open(&p).ok().map(|f| (f, p)));
    let response = match found {
        Some((file, path)) => Response::from_file(file).with_header(header("Content-Type", content_type(&path))).boxed(),
        None => Response::from_string("not found").with_status_code(404).with_header(header("Content-Type", "text/plain")).boxed(),
    };
    let _ = request.respond(response.with_header(header("Cache-Control", "no-cache")));
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name, value).expect("an ASCII header")
}

/// Maps a URL path to a file under `dir`, refusing anything that climbs out of it.
fn resolve(dir: &Path, url_path: &str) -> Option<PathBuf> {
    let relative = Path::new(url_path.trim_start_matches('/'));
    if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut file = dir.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "xml" => "application/xml",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};
    use std::net::{SocketAddr, TcpStream};
    use std::path::Path;

    use tiny_http::Server;

    /// Sends one HTTP/1.0 GET for `target` exactly as written; the status line, the
    /// headers (lower-cased names) and the body.
    fn get(address: SocketAddr, target: &str) -> (String, Vec<(String, String)>, Vec<u8>) {
        let mut stream = TcpStream::connect(address).unwrap();
        write!(stream, "GET {target} HTTP/1.0\r\nHost: {address}\r\n\r\n").unwrap();
        let mut reply = Vec::new();
        stream.read_to_end(&mut reply).unwrap();
        let split = reply.windows(4).position(|w| w == b"\r\n\r\n").expect("a header");
        let head = String::from_utf8(reply[..split].to_vec()).unwrap();
        let mut lines = head.split("\r\n");
        let status = lines.next().unwrap().to_string();
        let headers = lines.filter_map(|l| l.split_once(": ")).map(|(n, v)| (n.to_ascii_lowercase(), v.to_string())).collect();
        (status, headers, reply[split + 4..].to_vec())
    }

    fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
        headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    #[test]
    fn it_serves_files_and_folders_and_nothing_outside_the_folder() {
        let root = tempfile::tempdir().unwrap();
        let site = root.path().join("site");
        let write = |path: &Path, bytes: &[u8]| {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        };
        let wasm = b"\0asm\x01\0\0\0".repeat(1000);
        write(&site.join("tere_bg.wasm"), &wasm);
        write(&site.join("index.html"), b"<p>top</p>");
        write(&site.join("stage/index.html"), b"<p>stage</p>");
        write(&site.join("style.css"), b"p {}");
        write(&root.path().join("secret.txt"), b"secret");

        let server = Server::http("127.0.0.1:0").unwrap();
        let address = server.server_addr().to_ip().unwrap();
        std::thread::scope(|s| {
            s.spawn(|| super::serve(&server, &site));

            let (status, headers, body) = get(address, "/tere_bg.wasm");
            assert_eq!(status, "HTTP/1.0 200 OK");
            assert_eq!(header(&headers, "content-type"), Some("application/wasm"));
            assert_eq!(header(&headers, "cache-control"), Some("no-cache"));
            assert_eq!(body, wasm);

            for (target, page) in [("/", "<p>top</p>"), ("/index.html?quiz=a#x", "<p>top</p>"), ("/stage/", "<p>stage</p>"), ("/stage", "<p>stage</p>")] {
                let (status, headers, body) = get(address, target);
                assert_eq!((status.as_str(), body.as_slice()), ("HTTP/1.0 200 OK", page.as_bytes()), "{target}");
                assert_eq!(header(&headers, "content-type"), Some("text/html; charset=utf-8"), "{target}");
            }
            assert_eq!(header(&get(address, "/style.css").1, "content-type"), Some("text/css; charset=utf-8"));

            for target in ["/../secret.txt", "/stage/../../secret.txt", "/missing.js", "/%2e%2e/secret.txt"] {
                let (status, _, body) = get(address, target);
                assert_eq!((status.as_str(), body.as_slice()), ("HTTP/1.0 404 Not Found", &b"not found"[..]), "{target}");
            }
            server.unblock();
        });
    }
}
