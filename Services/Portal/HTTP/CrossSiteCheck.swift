import Crypto
import Foundation

/// Whether a state-changing request may be acted on (cross-site request forgery): the browser's
/// `Sec-Fetch-Site` (when sent) must say same-origin, `Origin` (when sent) must be the portal's
/// own, and the form must carry the session's form token. Pure.
public enum CrossSiteCheck {
    public static func allows(secFetchSite: String?, origin: String?, expectedOrigin: String,
                              formToken: String?, sessionFormToken: String?) -> Bool {
        if let site = secFetchSite?.lowercased(), site != "same-origin" { return false }
        if let origin, origin != expectedOrigin { return false }
        guard let sessionFormToken else { return true }   // signed out: no session to protect
        guard let formToken else { return false }
        return SHA256.hash(data: Data(formToken.utf8)) == SHA256.hash(data: Data(sessionFormToken.utf8))
    }
}
