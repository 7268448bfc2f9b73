#pragma once
// The household: accounts, incomes, bills and what is known about their payments. This is the
// domain model every computation (forecast, plan, warnings) reads; the household file and the
// store both load into it.

#include "core/business_calendar.hpp"
#include "core/holidays.hpp"
#include "core/money.hpp"
#include "core/schedule.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace steadypay::core {

// Priority classes, highest first, after financial-counselling practice: keep a roof, the
// lights and the way to work before anything else.
enum class Priority {
    housing,
    utilities,
    transportation,
    childcare,
    credit_minimum,
    other_debt,
    phone_internet,
    discretionary,
};
inline constexpr int k_priority_count = 8;

[[nodiscard]] Result<Priority> parse_priority(std::string_view text);
[[nodiscard]] std::string_view to_string(Priority p);    // "credit_minimum"
[[nodiscard]] inline int rank(Priority p) { return static_cast<int>(p) + 1; } // 1 (housing) .. 8

enum class IntradayOrder { debits_first, credits_first };
[[nodiscard]] Result<IntradayOrder> parse_intraday_order(std::string_view text);
[[nodiscard]] std::string_view to_string(IntradayOrder o);

// Which variable amounts the forecast uses: the conservative end (a bill's max, an income's
// min), or the middle of the range.
enum class AmountBasis { conservative, expected };

// The keys a source document spelled out, so that writing the household back gives the same
// document even where a key only repeats its default value.
class KeySet {
public:
    void add(std::string_view key) {
        if (!has(key)) {
            m_keys.emplace_back(key);
        }
    }
    [[nodiscard]] bool has(std::string_view key) const {
        return std::find(m_keys.begin(), m_keys.end(), key) != m_keys.end();
    }
    [[nodiscard]] const std::vector<std::string>& keys() const { return m_keys; }
    friend bool operator==(const KeySet&, const KeySet&) = default;

private:
    std::vector<std::string> m_keys;
};

// A fixed amount ("300.00") or a range for variable ones ({"min": "250.00", "max": "520.00"}).
struct Amount {
    Money min;
    Money max;
    bool is_range = false;

    [[nodiscard]] static Amount fixed(Money m) { return Amount{m, m, false}; }
    [[nodiscard]] static Amount range(Money lo, Money hi) { return Amount{lo, hi, true}; }
    friend bool operator==(const Amount&, const Amount&) = default;
};

// What a bank does with a payment the balance and the overdraft limit together cannot cover.
enum class Uncovered {
    pay,     // pays it anyway, into overdraft, for the overdraft fee (what Steadypay assumed before)
    decline, // returns it unpaid, for the returned-item (NSF) fee: the bill is still owed, and goes late
};
[[nodiscard]] Result<Uncovered> parse_uncovered(std::string_view text);
[[nodiscard]] std::string_view to_string(Uncovered u);

// How a bank prices a short balance (docs/fees.md works an example through):
//   - a payment that leaves the balance below zero but no lower than -overdraft_limit is paid
//     into overdraft: overdraft_fee;
//   - one that would go lower is paid anyway (when_uncovered = pay), for overdraft_fee too, or
//     declined (when_uncovered = decline): the balance is untouched, the bank charges
//     returned_item_fee and the biller its returned_payment_fee, and the bill is still owed.
// Fees are counted beside the forecast, not taken from its balance.
struct Account {
    std::string id;
    std::string name;
    Money balance;          // includes everything up to and including as_of
    Date as_of;
    Money overdraft_limit;  // how far below zero the bank pays payments
    Money overdraft_fee;    // charged per payment paid into overdraft
    Money cushion;          // the balance the person wants never to go below
    Uncovered when_uncovered = Uncovered::pay;
    Money returned_item_fee; // charged per payment declined
    KeySet written;
    friend bool operator==(const Account&, const Account&) = default;
};

struct Income {
    std::string id;
    std::string name;
    std::string source;
    std::string account;
    Amount amount;
    Schedule schedule;
    BusinessDayRule business_day = BusinessDayRule::none;
    KeySet written;
    friend bool operator==(const Income&, const Income&) = default;
};

struct Bill {
    std::string id;
    std::string name;
    std::string payee;
    std::string account;
    Amount amount;
    std::optional<Money> minimum; // the least that keeps the account current, if the biller allows it
    Schedule schedule;
    BusinessDayRule business_day = BusinessDayRule::none;
    Priority priority = Priority::other_debt;
    bool autopay = false;
    int autopay_lead_days = 0; // the autopay pulls this many days before the due date
    int grace_days = 0;        // no late fee until due + grace
    Money late_fee;
    Money returned_payment_fee;                  // the biller's own fee when the bank declines a payment
    std::optional<int> reported_late_after_days; // reported to credit bureaus this many days late
    std::optional<int> shutoff_after_days;       // service may be cut off this many days late
    std::string hardship_contact;
    KeySet written;
    friend bool operator==(const Bill&, const Bill&) = default;
};

enum class PaymentStatus { paid, skipped, unpaid };
[[nodiscard]] Result<PaymentStatus> parse_payment_status(std::string_view text);
[[nodiscard]] std::string_view to_string(PaymentStatus s);

// What is known about one occurrence, identified by the item id and its due date (after
// business-day adjustment).
struct Payment {
    std::string item;
    Date due;
    PaymentStatus status = PaymentStatus::paid;
    std::optional<Date> date;    // paid: when
    std::optional<Money> amount; // paid: how much
    KeySet written;
    friend bool operator==(const Payment&, const Payment&) = default;
};

// How many days ahead each kind of warning is raised (a household setting).
struct WarningLeadTimes {
    int overdraft = 7;
    int below_cushion = 7;
    int bill_at_risk = 3;
    int autopay_insufficient_funds = 7;
    KeySet written;
    friend bool operator==(const WarningLeadTimes&, const WarningLeadTimes&) = default;
};

struct Household {
    std::string name;
    Currency currency;
    std::string timezone = "UTC"; // IANA name; decides what "today" is
    std::vector<date::weekday> weekend{date::Saturday, date::Sunday};
    // The region whose bank holidays the household keeps; `holidays` are days the person added,
    // `holidays_removed` the region's days the person does not keep.
    HolidayRegion holiday_region = HolidayRegion::none;
    std::vector<Date> holidays;
    std::vector<Date> holidays_removed;
    IntradayOrder intraday_order = IntradayOrder::debits_first;
    WarningLeadTimes lead_times;
    std::vector<Account> accounts;
    std::vector<Income> incomes;
    std::vector<Bill> bills;
    std::vector<Payment> payments;
    KeySet written;

    [[nodiscard]] BusinessCalendar calendar() const;
    [[nodiscard]] const Account* find_account(std::string_view id) const;
    [[nodiscard]] const Income* find_income(std::string_view id) const;
    [[nodiscard]] const Bill* find_bill(std::string_view id) const;
    [[nodiscard]] const Payment* find_payment(std::string_view item, Date due) const;
    // The latest as_of of all accounts (the earliest day a forecast may start), if any account.
    [[nodiscard]] std::optional<Date> latest_as_of() const;
};

// Whether `id` matches [a-z0-9][a-z0-9_-]* (at most 64 characters).
[[nodiscard]] bool is_valid_id(std::string_view id);

// An id for a new item called `name`: its ASCII letters and digits, lower-cased, words joined by
// '-' ("Car loan (Ford)" -> "car-loan-ford"), "item" when none are left, and "-2", "-3"... when
// `taken` says the id is used.
[[nodiscard]] std::string make_id(std::string_view name, const std::function<bool(std::string_view)>& taken);

// Removes the bill or income with this id, and its payment records with it (the store's audit
// log keeps their history); returns how many records went. Nothing changes when no bill or
// income has the id (not_found).
[[nodiscard]] Result<std::size_t> remove_item(Household& household, std::string_view id);

// Removes the account with this id, unless an income or bill still uses it:
// `account "checking" is used by pay, rent: move or remove them first` (incomes, then bills).
// Nothing changes when it is refused, or when no account has the id (not_found).
[[nodiscard]] Status remove_account(Household& household, std::string_view id);

// A validation error about `list`[`index`], split into the field and what is wrong:
// "bills[3].grace_days: -1 is out of range (0..365)" -> {"grace_days", "-1 is out of range (0..365)"};
// "bills[3]: ..." -> {"", "..."}. Nothing when the error is about something else.
struct FieldMessage {
    std::string field;
    Error error; // without the place
};
[[nodiscard]] std::optional<FieldMessage> field_of(const Error& error, std::string_view list, std::size_t index);

// Checks everything that ties the household together; the error names the place, in the
// household file's terms: `bills[2].account: "chequing" is not an account id`.
[[nodiscard]] Status validate(const Household& household);

} // namespace steadypay::core
