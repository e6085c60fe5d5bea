//! The client's address behind reverse proxies.
//!
//! Every deployment puts a TLS proxy in front, and then every connection comes from the
//! proxy. `TRUSTED_PROXIES` lists the proxies (addresses or networks); only a request
//! whose peer is one of them has its `Forwarded` (RFC 7239) or, without it,
//! `X-Forwarded-For` header read. The hops are read from the right (the nearest proxy
//! appends last): trusted proxies are skipped, and the first untrusted hop is the
//! client. Anyone else's header is ignored, so a client cannot choose its own address.
//! The result goes into the request (`app::kernel::request::ClientAddr`), where the rate
//! limits and the logs read it.

use app::kernel::request::ClientAddr;
use axum::extract::connect_info::MockConnectInfo;
use axum::extract::{ConnectInfo, Request};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

/// The proxies whose forwarding headers are believed.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// From `TRUSTED_PROXIES`: addresses or networks separated by commas or spaces
    /// (`127.0.0.1, 10.0.0.0/8, ::1`).
    pub fn parse(list: &str) -> Result<Self, String> {
        list.split([',', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                IpNet::from_str(s)
                    .or_else(|_| IpAddr::from_str(s).map(IpNet::from))
                    .map_err(|_| format!("not an address or network: {s:?}"))
            })
            .collect::<Result<_, _>>()
            .map(TrustedProxies)
    }

    pub fn contains(&self, address: IpAddr) -> bool {
        let address = canonical(address);
        self.0.iter().any(|net| net.contains(&address))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// An IPv4 address mapped into IPv6 is the IPv4 address.
fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map(IpAddr::V4)
            .unwrap_or(IpAddr::V6(v6)),
        v4 => v4,
    }
}

/// One hop's address as a header writes it: `192.0.2.1`, `192.0.2.1:4711`,
/// `[2001:db8::1]:4711`, `2001:db8::1`, quoted or not; None for `unknown` and the
/// obfuscated identifiers of RFC 7239.
fn hop(value: &str) -> Option<IpAddr> {
    let value = value.trim().trim_matches('"');
    if let Some(rest) = value.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    value.parse().ok().or_else(|| {
        let (host, port) = value.rsplit_once(':')?;
        port.parse::<u16>().ok()?;
        host.parse().ok()
    })
}

/// The hops of the forwarding headers, nearest client first (`None`: a hop that names
/// no address). `Forwarded` wins over `X-Forwarded-For` when both are sent.
fn hops(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let values = |name: &str| -> Vec<String> {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(',').map(str::to_owned).collect::<Vec<_>>())
            .collect()
    };
    let forwarded = values("forwarded");
    if !forwarded.is_empty() {
        return forwarded
            .iter()
            .map(|element| {
                element.split(';').find_map(|pair| {
                    let (key, value) = pair.split_once('=')?;
                    key.trim().eq_ignore_ascii_case("for").then(|| hop(value))
                })?
            })
            .collect();
    }
    values("x-forwarded-for").iter().map(|v| hop(v)).collect()
}

/// The client of a request that came from `peer`.
pub fn resolve(peer: IpAddr, headers: &HeaderMap, trusted: &TrustedProxies) -> IpAddr {
    let mut client = canonical(peer);
    if !trusted.contains(client) {
        return client;
    }
    for hop in hops(headers).into_iter().rev() {
        match hop {
            // A proxy that cannot name its client: the proxy is as near as we know.
            None => return client,
            Some(address) => {
                client = canonical(address);
                if !trusted.contains(client) {
                    return client;
                }
            }
        }
    }
    client
}

/// The connection's peer (the client, or the proxy that relayed the request).
pub fn peer(request: &Request) -> Option<SocketAddr> {
    let extensions = request.extensions();
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0)
        // What tests give instead of a connection (axum's stand-in).
        .or_else(|| {
            extensions
                .get::<MockConnectInfo<SocketAddr>>()
                .map(|info| info.0)
        })
}

/// Works out the client's address of every request (see the module).
pub async fn middleware(trusted: TrustedProxies, mut request: Request, next: Next) -> Response {
    if let Some(peer) = peer(&request).map(|address| address.ip()) {
        let client = resolve(peer, request.headers(), &trusted);
        request.extensions_mut().insert(ClientAddr(client));
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.append(*k, HeaderValue::from_str(v).unwrap());
        }
        map
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn a_header_from_an_untrusted_peer_is_ignored() {
        let trusted = TrustedProxies::parse("10.0.0.0/8").unwrap();
        let spoofed = headers(&[("x-forwarded-for", "1.2.3.4"), ("forwarded", "for=5.6.7.8")]);
        assert_eq!(
            resolve(ip("198.51.100.7"), &spoofed, &trusted),
            ip("198.51.100.7")
        );
        let nobody = TrustedProxies::default();
        assert_eq!(resolve(ip("10.0.0.1"), &spoofed, &nobody), ip("10.0.0.1"));
    }

    #[test]
    fn the_rightmost_untrusted_hop_is_the_client() {
        let trusted = TrustedProxies::parse("127.0.0.1, 10.0.0.0/8").unwrap();
        // The client made up the first hop; the proxies appended the real one.
        let h = headers(&[("x-forwarded-for", "6.6.6.6, 203.0.113.9, 10.1.2.3")]);
        assert_eq!(resolve(ip("127.0.0.1"), &h, &trusted), ip("203.0.113.9"));
        // Several header lines are one list.
        let h = headers(&[
            ("x-forwarded-for", "6.6.6.6"),
            ("x-forwarded-for", "203.0.113.9"),
        ]);
        assert_eq!(resolve(ip("10.9.9.9"), &h, &trusted), ip("203.0.113.9"));
        // Only trusted hops: the leftmost is as far as we can see.
        let h = headers(&[("x-forwarded-for", "10.0.0.5, 10.0.0.6")]);
        assert_eq!(resolve(ip("127.0.0.1"), &h, &trusted), ip("10.0.0.5"));
        // No header: the proxy itself.
        assert_eq!(
            resolve(ip("127.0.0.1"), &HeaderMap::new(), &trusted),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn forwarded_is_read_as_rfc_7239_writes_it() {
        let trusted = TrustedProxies::parse("::1, 192.0.2.0/24").unwrap();
        let h = headers(&[(
            "forwarded",
            "for=198.51.100.17;proto=https, for=\"[2001:db8:cafe::17]:4711\";by=192.0.2.1",
        )]);
        assert_eq!(resolve(ip("::1"), &h, &trusted), ip("2001:db8:cafe::17"));
        let h = headers(&[("forwarded", "For=\"198.51.100.17:8080\"")]);
        assert_eq!(resolve(ip("192.0.2.9"), &h, &trusted), ip("198.51.100.17"));
        // Forwarded wins over X-Forwarded-For.
        let h = headers(&[
            ("forwarded", "for=198.51.100.1"),
            ("x-forwarded-for", "198.51.100.2"),
        ]);
        assert_eq!(resolve(ip("::1"), &h, &trusted), ip("198.51.100.1"));
        // A hop that names no address stops the walk at the proxy that wrote it.
        let h = headers(&[("forwarded", "for=198.51.100.1, for=unknown, for=192.0.2.3")]);
        assert_eq!(resolve(ip("::1"), &h, &trusted), ip("192.0.2.3"));
    }

    #[test]
    fn mapped_addresses_and_bad_lists() {
        let trusted = TrustedProxies::parse("127.0.0.1").unwrap();
        let h = headers(&[("x-forwarded-for", "203.0.113.1")]);
        assert_eq!(
            resolve(ip("::ffff:127.0.0.1"), &h, &trusted),
            ip("203.0.113.1")
        );
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
        assert!(TrustedProxies::parse("proxy.example").is_err());
        assert!(TrustedProxies::parse("").unwrap().is_empty());
    }
}
