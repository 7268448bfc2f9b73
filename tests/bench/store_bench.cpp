// Store benchmarks: opening a store and loading a 100-item household, beyond the key derivation
// (target < 20 ms), and the key derivation itself, which is deliberately slow.

#include "households.hpp"
#include "storage/store.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <stdlib.h>
#include <unistd.h>

using namespace steadypay;

namespace {

struct BenchStore {
    std::filesystem::path dir;
    std::filesystem::path path;
    explicit BenchStore(int kdf_iter) {
        char tmpl[] = "/tmp/steadypay-bench-XXXXXX";
        dir = ::mkdtemp(tmpl);
        path = dir / "bench.db";
        storage::CipherSettings cipher;
        cipher.kdf_iter = kdf_iter;
        auto h = bench::make_household(100);
        auto s = storage::Store::create(path, storage::Passphrase("benchmark passphrase"), h,
                                        {"2026-11-22T00:00:00Z", "bench"}, cipher);
        if (!s) {
            std::abort();
        }
    }
    ~BenchStore() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

// With one PBKDF2 iteration the key costs nothing, so this is everything else: reading the
// header, opening, decrypting and reading the pages, building the household.
void BM_StoreOpenAndLoad_100Items_BeyondKeyDerivation(benchmark::State& state) {
    BenchStore store(1);
    std::size_t items = 0;
    for (auto _ : state) {
        auto s = storage::Store::open(store.path, storage::Passphrase("benchmark passphrase"));
        if (!s) {
            state.SkipWithError(s.error().message().c_str());
            return;
        }
        auto h = s->load();
        if (!h) {
            state.SkipWithError(h.error().message().c_str());
            return;
        }
        items = h->bills.size() + h->incomes.size();
        benchmark::DoNotOptimize(h);
    }
    state.counters["items"] = static_cast<double>(items);
}

// The same with the store's real 256,000 iterations: the difference is the key derivation.
void BM_StoreOpenAndLoad_100Items_WithKeyDerivation(benchmark::State& state) {
    BenchStore store(256000);
    for (auto _ : state) {
        auto s = storage::Store::open(store.path, storage::Passphrase("benchmark passphrase"));
        auto h = s->load();
        benchmark::DoNotOptimize(h);
    }
}

} // namespace

BENCHMARK(BM_StoreOpenAndLoad_100Items_BeyondKeyDerivation)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StoreOpenAndLoad_100Items_WithKeyDerivation)->Unit(benchmark::kMillisecond)->Iterations(5);
