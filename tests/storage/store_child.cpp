// A child process for the crash and lock tests: it writes to a store and says "ack N" after each
// commit, until the test kills it with SIGKILL at a random moment; or it holds the store locked.
//
//   steadypay-store-child writes PATH PASSPHRASE COUNT   (sets the balance to N cents, N = 1..COUNT)
//   steadypay-store-child import PATH PASSPHRASE FILE    (replaces the household with FILE's)
//   steadypay-store-child lock PATH PASSPHRASE SECONDS   (holds an exclusive lock, says "locked")
//   steadypay-store-child read PATH PASSPHRASE SECONDS   (holds a read transaction open, says "locked")
//   steadypay-store-child create PATH PASSPHRASE FILE    (a new store of FILE's household with a
//                                                         quick key derivation, for tests that open it often)

#include "storage/household_file.hpp"
#include "storage/store.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

using namespace steadypay;

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s writes|import|lock PATH PASSPHRASE COUNT|FILE|SECONDS\n", argv[0]);
        return 2;
    }
    const std::string mode = argv[1];
    if (mode == "create") {
        auto h = storage::load_household_file(argv[4]);
        if (!h) {
            std::fprintf(stderr, "%s\n", h.error().message().c_str());
            return 1;
        }
        storage::CipherSettings quick;
        quick.kdf_iter = 2000;
        auto created = storage::Store::create(argv[2], storage::Passphrase(argv[3]), h.value(),
                                              {"2026-11-22T00:00:00Z", "create"}, quick);
        if (!created) {
            std::fprintf(stderr, "create: %s\n", created.error().message().c_str());
            return 1;
        }
        return 0;
    }
    auto store = storage::Store::open(argv[2], storage::Passphrase(argv[3]));
    if (!store) {
        std::fprintf(stderr, "open: %s\n", store.error().message().c_str());
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    if (mode == "writes") {
        const long count = std::strtol(argv[4], nullptr, 10);
        for (long i = 1; i <= count; ++i) {
            const auto set = [i](const core::Household& h) -> core::Result<core::Edit> {
                const auto& a = h.accounts[0];
                return core::Edit{core::balance_edit(a, core::Money::from_minor(i, h.currency), a.as_of)};
            };
            if (auto s = store->apply_with(set, {"2026-11-22T00:00:00Z", "writes"}); !s) {
                std::fprintf(stderr, "save: %s\n", s.error().message().c_str());
                return 1;
            }
            std::printf("ack %ld\n", i);
            std::fflush(stdout);
        }
        return 0;
    }
    if (mode == "import") {
        auto h = storage::load_household_file(argv[4]);
        if (!h) {
            std::fprintf(stderr, "%s\n", h.error().message().c_str());
            return 1;
        }
        if (auto s = store->apply(core::ReplaceHousehold{h.value()}, {"2026-11-22T00:00:00Z", "import-household"}); !s) {
            std::fprintf(stderr, "import: %s\n", s.error().message().c_str());
            return 1;
        }
        std::printf("done\n");
        std::fflush(stdout);
        return 0;
    }
    if (mode == "lock" || mode == "read") {
        if (auto s = store->database().exec(mode == "lock" ? "BEGIN EXCLUSIVE"
                                                             : "BEGIN; SELECT count(*) FROM bills;");
            !s) {
            std::fprintf(stderr, "lock: %s\n", s.error().message().c_str());
            return 1;
        }
        std::printf("locked\n");
        std::fflush(stdout);
        std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<long>(std::strtod(argv[4], nullptr) * 1000)));
        (void)store->database().exec("ROLLBACK");
        return 0;
    }
    return 2;
}
