#pragma once
// A passphrase held in memory only as long as needed, and wiped when it goes.

#include <cstring>
#include <string>
#include <string_view>
#include <utility>

namespace steadypay::storage {

class Passphrase {
public:
    Passphrase() = default;
    explicit Passphrase(std::string text) : m_text(std::move(text)) {}
    Passphrase(Passphrase&& other) noexcept : m_text(std::move(other.m_text)) { other.wipe(); }
    Passphrase& operator=(Passphrase&& other) noexcept {
        if (this != &other) {
            wipe();
            m_text = std::move(other.m_text);
            other.wipe();
        }
        return *this;
    }
    Passphrase(const Passphrase&) = delete;
    Passphrase& operator=(const Passphrase&) = delete;
    ~Passphrase() { wipe(); }

    [[nodiscard]] std::string_view view() const noexcept { return m_text; }
    [[nodiscard]] bool empty() const noexcept { return m_text.empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return m_text.size(); }

private:
    void wipe() noexcept {
        // Best effort: the compiler may not drop a write through a volatile pointer.
        volatile char* p = m_text.data();
        for (std::size_t i = 0; i < m_text.size(); ++i) {
            p[i] = 0;
        }
        m_text.clear();
    }
    std::string m_text;
};

} // namespace steadypay::storage
