#include "identity/password.hpp"

#include <sodium.h>

#include <condition_variable>
#include <mutex>
#include <stdexcept>

namespace madoguchi::server::identity {
namespace {

// libsodium's "interactive" cost: about 64 MiB and tens of milliseconds per hash.
constexpr unsigned long long operations = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr std::size_t memory = crypto_pwhash_MEMLIMIT_INTERACTIVE;

// Each hash takes 64 MiB; 64 request threads hashing at once would take 4 GiB. A few at a
// time keeps a burst of sign-ins (or an attack) within memory; the rest wait their turn.
constexpr int concurrent_hashes = 4;

class HashSlots {
public:
    void acquire() {
        std::unique_lock lock(mutex_);
        freed_.wait(lock, [this] { return in_use_ < concurrent_hashes; });
        ++in_use_;
    }
    void release() {
        {
            std::scoped_lock lock(mutex_);
            --in_use_;
        }
        freed_.notify_one();
    }

private:
    std::mutex mutex_;
    std::condition_variable freed_;
    int in_use_ = 0;
};

HashSlots& slots() {
    static HashSlots instance;
    return instance;
}

struct SlotGuard {
    SlotGuard() { slots().acquire(); }
    ~SlotGuard() { slots().release(); }
    SlotGuard(const SlotGuard&) = delete;
    SlotGuard& operator=(const SlotGuard&) = delete;
};

void ensure_sodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium cannot be initialised");
}

const std::string& dummy_hash() {
    static const std::string hash = hash_password("not a password anyone has").value_or("");
    return hash;
}

}  // namespace

std::optional<std::string> hash_password(std::string_view password) {
    ensure_sodium();
    char stored[crypto_pwhash_STRBYTES];
    SlotGuard slot;
    if (crypto_pwhash_str(stored, password.data(), password.size(), operations, memory) != 0) return std::nullopt;
    return std::string(stored);
}

bool verify_password(const std::string& stored_hash, std::string_view password) {
    ensure_sodium();
    if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
    SlotGuard slot;
    return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

void spend_verification_time(std::string_view password) { verify_password(dummy_hash(), password); }

}  // namespace madoguchi::server::identity
