// A child process for the crash tests: it writes to a store and says "ack N" after each commit,
// until the test kills it with SIGKILL at a random moment.
//
//   steadypay-store-child writes PATH PASSPHRASE COUNT   (sets the balance to N cents, N = 1..COUNT)
//   steadypay-store-child import PATH PASSPHRASE FILE    (replaces the household with FILE's)

#include "storage/household_file.hpp"
#include "storage/store.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace steadypay;

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s writes|import PATH PASSPHRASE COUNT|FILE\n", argv[0]);
        return 2;
    }
    const std::string mode = argv[1];
    auto store = storage::Store::open(argv[2], storage::Passphrase(argv[3]));
    if (!store) {
        std::fprintf(stderr, "open: %s\n", store.error().message.c_str());
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    if (mode == "writes") {
        const long count = std::strtol(argv[4], nullptr, 10);
        for (long i = 1; i <= count; ++i) {
            auto h = store->load();
            if (!h) {
                return 1;
            }
            h->accounts[0].balance = core::Money::from_minor(i, h->currency);
            if (auto s = store->apply(core::ReplaceHousehold{h.value()}, {"2026-11-22T00:00:00Z", "writes"}); !s) {
                std::fprintf(stderr, "save: %s\n", s.error().message.c_str());
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
            std::fprintf(stderr, "%s\n", h.error().message.c_str());
            return 1;
        }
        if (auto s = store->apply(core::ReplaceHousehold{h.value()}, {"2026-11-22T00:00:00Z", "import-household"}); !s) {
            std::fprintf(stderr, "import: %s\n", s.error().message.c_str());
            return 1;
        }
        std::printf("done\n");
        std::fflush(stdout);
        return 0;
    }
    return 2;
}
