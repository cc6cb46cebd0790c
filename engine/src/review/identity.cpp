// The operating-system account as the acting identity of the embedded store.
#include "safesar/identity.hpp"

#include "safesar/review.hpp"

#include <pwd.h>
#include <unistd.h>

#include <vector>

namespace safesar {

std::string Identity::display() const {
    if (full_name.empty() || full_name == login) return login;
    return full_name + " (" + login + ")";
}

namespace {

class OsAccount final : public IdentityProvider {
  public:
    Identity current() const override {
        const uid_t uid = geteuid();
        // getpwuid_r: the GUI asks from its worker threads too.
        long size = sysconf(_SC_GETPW_R_SIZE_MAX);
        std::vector<char> buffer(static_cast<std::size_t>(size > 0 ? size : 16384));
        passwd entry{};
        passwd* found = nullptr;
        if (getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) != 0 || !found ||
            !found->pw_name || !*found->pw_name)
            throw ReviewError("", "the account running SafeSAR (uid " + std::to_string(uid) +
                                      ") has no login name: nobody can be recorded as acting");
        Identity out;
        out.login = found->pw_name;
        // GECOS: "Full Name,Room,Work phone,Home phone,Other".
        const std::string gecos = found->pw_gecos ? found->pw_gecos : "";
        out.full_name = gecos.substr(0, gecos.find(','));
        out.source = "os-account";
        return out;
    }
};

} // namespace

std::shared_ptr<const IdentityProvider> os_account() {
    static const auto provider = std::make_shared<const OsAccount>();
    return provider;
}

} // namespace safesar
