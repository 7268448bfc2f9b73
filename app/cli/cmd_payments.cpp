// steadypay pay ITEM --due DATE [--date DATE] [--amount A]
// steadypay skip ITEM --due DATE        (it will not happen this time)
// steadypay missed ITEM --due DATE      (it was due and is still owed)
// steadypay unmark ITEM --due DATE      (forget what was recorded: expected again)
//
// ITEM is a bill or income id; DATE must be a day the item is due (after business-day
// adjustment). Every change goes into the store's audit log.

#include "app/cli/commands.hpp"
#include "app/cli/options.hpp"
#include "app/cli/store_access.hpp"

#include "app/common/clock.hpp"

#include <ostream>

namespace steadypay::cli {

namespace {

enum class Action { pay, skip, missed, unmark };

struct ItemRef {
    std::string name;
    const core::Schedule* schedule = nullptr;
    core::BusinessDayRule rule = core::BusinessDayRule::none;
    const core::Amount* amount = nullptr;
};

class PaymentCommand final : public Command {
public:
    explicit PaymentCommand(Action action) : m_action(action) {}

    void add_to(CLI::App& app, Context&) override {
        static const char* names[] = {"pay", "skip", "missed", "unmark"};
        static const char* help[] = {
            "Record that a bill was paid (or an income received)",
            "Record that an occurrence will not happen this time: no payment, no warning",
            "Record that an occurrence was due and is still unpaid",
            "Forget what was recorded about an occurrence: it is expected again",
        };
        const auto i = static_cast<std::size_t>(m_action);
        m_sub = app.add_subcommand(names[i], help[i]);
        m_sub->add_option("item", m_item, "The bill or income id")->required();
        m_sub->add_option("--due", m_due, "The due date of the occurrence, YYYY-MM-DD")->required();
        if (m_action == Action::pay) {
            add(*m_sub, m_date, "--date", "When it was paid (default: today)");
            add(*m_sub, m_amount, "--amount", "How much (default: its amount, when it is fixed)");
        }
    }

    int run(Context& ctx) override {
        auto due = date_option("--due", m_due);
        if (!due) {
            return ctx.fail(due.error());
        }
        auto store = open_store(ctx);
        if (!store) {
            return ctx.fail(store.error());
        }
        auto loaded = store->load();
        if (!loaded) {
            return ctx.fail(loaded.error());
        }
        auto h = std::move(loaded).value();
        ItemRef item;
        if (const auto* b = h.find_bill(m_item)) {
            item = ItemRef{b->name, &b->schedule, b->business_day, &b->amount};
        } else if (const auto* x = h.find_income(m_item)) {
            item = ItemRef{x->name, &x->schedule, x->business_day, &x->amount};
        } else {
            return ctx.fail(core::bad_input("ITEM: no bill or income has the id \"" + m_item + "\""));
        }
        const auto cal = h.calendar();
        const auto found = core::due_dates(*item.schedule, item.rule, cal, due.value(), due.value());
        if (found.empty()) {
            // Say which dates would have been right.
            const auto near = core::due_dates(*item.schedule, item.rule, cal, due.value() - date::days{45},
                                              due.value() + date::days{45});
            std::string dates;
            for (const auto& d : near) {
                dates += (dates.empty() ? "" : ", ") + core::to_iso(d.due);
            }
            return ctx.fail(core::bad_input("--due: \"" + m_item + "\" is not due on " + core::to_iso(due.value()) +
                                            (dates.empty() ? std::string(" (it has no due date near it)")
                                                           : " (due dates near it: " + dates + ")")));
        }
        const auto existing =
            std::find_if(h.payments.begin(), h.payments.end(),
                         [&](const core::Payment& p) { return p.item == m_item && p.due == due.value(); });
        std::string message;
        if (m_action == Action::unmark) {
            if (existing == h.payments.end()) {
                return ctx.fail(core::bad_input("nothing is recorded for \"" + m_item + "\" due " +
                                                core::to_iso(due.value())));
            }
            h.payments.erase(existing);
            message = item.name + " due " + core::to_weekday_iso(due.value()) + " is expected again.";
        } else {
            core::Payment p;
            p.item = m_item;
            p.due = due.value();
            if (m_action == Action::pay) {
                p.status = core::PaymentStatus::paid;
                if (m_date.given()) {
                    auto d = date_option("--date", m_date.value);
                    if (!d) {
                        return ctx.fail(d.error());
                    }
                    p.date = d.value();
                } else {
                    p.date = app::clock().today(h.timezone);
                }
                if (m_amount.given()) {
                    auto a = money_option("--amount", m_amount.value, h.currency);
                    if (!a) {
                        return ctx.fail(a.error());
                    }
                    p.amount = a.value();
                } else if (item.amount->is_range) {
                    return ctx.fail(core::bad_input("--amount: " + item.name + " varies (" +
                                                    amount_text(*item.amount) + "): give the amount paid"));
                } else {
                    p.amount = item.amount->min * found.front().count;
                }
                message = "Recorded " + item.name + " due " + core::to_weekday_iso(p.due) + " as paid: " +
                          p.amount->to_string() + " on " + core::to_weekday_iso(*p.date) + ".";
            } else {
                p.status = m_action == Action::skip ? core::PaymentStatus::skipped : core::PaymentStatus::unpaid;
                message = "Recorded " + item.name + " due " + core::to_weekday_iso(p.due) + " as " +
                          std::string(m_action == Action::skip ? "skipped" : "missed (still owed)") + ".";
            }
            if (existing != h.payments.end()) {
                p.written = existing->written;
                *existing = std::move(p);
            } else {
                h.payments.push_back(std::move(p));
            }
        }
        static const char* commands[] = {"pay", "skip", "missed", "unmark"};
        if (auto s = store->save(h, change_context(commands[static_cast<std::size_t>(m_action)])); !s) {
            return ctx.fail(s.error());
        }
        ctx.out << message << '\n';
        return 0;
    }

private:
    Action m_action;
    std::string m_item;
    std::string m_due;
    Opt m_date;
    Opt m_amount;
};

} // namespace

std::unique_ptr<Command> make_pay_command() { return std::make_unique<PaymentCommand>(Action::pay); }
std::unique_ptr<Command> make_skip_command() { return std::make_unique<PaymentCommand>(Action::skip); }
std::unique_ptr<Command> make_missed_command() { return std::make_unique<PaymentCommand>(Action::missed); }
std::unique_ptr<Command> make_unmark_command() { return std::make_unique<PaymentCommand>(Action::unmark); }

} // namespace steadypay::cli
