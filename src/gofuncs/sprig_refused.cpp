// The Sprig functions kinject refuses by name when a template is parsed
// (FuncMap::refuse): those whose result depends on the clock, randomness,
// the network, the local time zone or the process environment, so that
// two runs of kinject on the same input could differ, and the few it does
// not implement. Go would run them; a template calling one is refused with
// the reason and what to write instead, before anything is rendered.
#include "internal.h"

namespace kinject::tmpl {

namespace {

constexpr std::string_view kClock =
    "it reads the clock, so two runs would render different manifests; put the time the manifest should carry in "
    "a value (--set, values file) and use it as a string";
constexpr std::string_view kZone =
    "it formats or parses in the machine's local time zone (or Go's time zone database), so the output would "
    "depend on where kinject runs; write the date as a string";
constexpr std::string_view kRandom =
    "its result is random, so two runs would render different manifests; generate the value once, outside the "
    "template, and pass it in as a value";
constexpr std::string_view kCrypto =
    "it generates keys, certificates or salted hashes from randomness, so two runs would differ, and a manifest "
    "in Git should not carry private keys; create the secret outside the template and reference it";
constexpr std::string_view kNetwork =
    "it asks DNS, so the output would depend on the network kinject runs in; write the address as a value";
constexpr std::string_view kEnvironment =
    "it reads kinject's own process environment, so the output would depend on the shell it runs in; pass the "
    "value with --set or a values file";

struct Refusal {
  std::string_view name;
  std::string_view reason;
};

// Sprig 3.3.0's functions.go, the rows kinject does not run. `env` is
// listed though Istio's own `env` (istio/funcs.cpp) replaces it in the
// injector's table.
constexpr Refusal kRefused[] = {
    {"now", kClock},
    {"ago", kClock},
    {"date", kZone},
    {"dateInZone", kZone},
    {"date_in_zone", kZone},
    {"dateModify", kZone},
    {"date_modify", kZone},
    {"mustDateModify", kZone},
    {"must_date_modify", kZone},
    {"htmlDate", kZone},
    {"htmlDateInZone", kZone},
    {"toDate", kZone},
    {"mustToDate", kZone},
    {"unixEpoch", kZone},
    {"randAlphaNum", kRandom},
    {"randAlpha", kRandom},
    {"randAscii", kRandom},
    {"randNumeric", kRandom},
    {"randBytes", kRandom},
    {"randInt", kRandom},
    {"uuidv4", kRandom},
    {"shuffle", kRandom},
    {"bcrypt", kCrypto},
    {"htpasswd", kCrypto},
    {"genPrivateKey", kCrypto},
    {"genCA", kCrypto},
    {"genCAWithKey", kCrypto},
    {"genSelfSignedCert", kCrypto},
    {"genSelfSignedCertWithKey", kCrypto},
    {"genSignedCert", kCrypto},
    {"genSignedCertWithKey", kCrypto},
    {"buildCustomCert", kCrypto},
    {"encryptAES", kCrypto},
    {"getHostByName", kNetwork},
    {"env", kEnvironment},
    {"expandenv", kEnvironment},
};

}  // namespace

void sprig_refusals(FuncMap& f) {
  for (const auto& r : kRefused) f.refuse(std::string(r.name), std::string(r.reason));
}

std::size_t sprig_refused_count() { return std::size(kRefused); }

}  // namespace kinject::tmpl
