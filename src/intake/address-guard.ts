// Which addresses a fetched link may reach, checked where the connection is made: a DNS lookup that refuses non-public answers.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";
import { DocumentRejectedError } from "../errors.js";

/** dns.lookup's callback form, as net.connect calls it (with `all: true` when it tries several families). */
export type LookupFunction = (
  hostname: string,
  options: LookupOptions,
  callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

/** True for a public unicast address; loopback, private, link-local, reserved and the like are not. */
export function isPublicAddress(address: string): boolean {
  return ipaddr.isValid(address) && ipaddr.process(address).range() === "unicast";
}

export function refusedAddress(host: string, address: string): DocumentRejectedError {
  const range = ipaddr.isValid(address) ? ipaddr.process(address).range() : "malformed";
  return new DocumentRejectedError(
    "address",
    `Links to ${host} are refused: it is a ${range} address (${address}), not a public one.`,
    "An admin can allow private addresses with ALLOW_PRIVATE_URLS=true.",
  );
}

/**
 * A lookup for the connection itself: every address the resolver answers is checked, and the socket connects to the
 * address that was checked. A name that answers a public address to an earlier check and 127.0.0.1 now (DNS
 * rebinding) is refused here, for the first request and for every redirect alike.
 */
export function guardedLookup(
  isAllowed: (address: string) => boolean,
  resolve: LookupFunction = dnsLookup as LookupFunction,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, found) => {
      if (err) return callback(err, "");
      const all = Array.isArray(found) ? found : [{ address: found, family: 4 }];
      const bad = all.find((a) => !isAllowed(a.address));
      if (bad) return callback(refusedAddress(hostname, bad.address) as NodeJS.ErrnoException, "");
      if (all.length === 0)
        return callback(Object.assign(new Error(`${hostname}: no address`), { code: "ENOTFOUND" }), "");
      if (options.all) return callback(null, all);
      return callback(null, all[0]!.address, all[0]!.family);
    });
  };
}
