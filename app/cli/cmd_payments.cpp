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
#include "app/common/i18n.hpp"

#include "app/common/clock.hpp"
#include "core/edits.hpp"
#include "core/recording.hpp"
#include "core/text.hpp"

#include <ostream>

namespace steadypay::cli {

namespace {

enum class Action { pay, skip, missed, unmark };

class PaymentCommand final : public Command {
public:
    explicit PaymentCommand(Action action) : m_action(action) {}

    void add_to(CLI::App& app, Context&) override {
        static const char* names[] = {"pay", "skip", "missed", "unmark"};
        static const char* help[] = {
            app::mark("Record that a bill was paid (or an income received)"),
            app::mark("Record that an occurrence will not happen this time: no payment, no warning"),
            app::mark("Record that an occurrence was due and is still unpaid"),
            app::mark("Forget what was recorded about an occurrence: it is expected again"),
        };
        const auto i = static_cast<std::size_t>(m_action);
        m_sub = app.add_subcommand(names[i], help[i]);
        m_sub->add_option("item", m_item, "The bill or income id")->required();
        m_sub->add_option("--due", m_due, "The due date of the occurrence, YYYY-MM-DD")->required();
        if (m_action == Action::pay) {
            add_opt(*m_sub, m_date, "--date", "When it was paid (default: today)");
            add_opt(*m_sub, m_amount, "--amount", "How much (default: its amount, when it is fixed)");
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
        // Errors from core name the field; the command line names the option.
        const auto as_option = [](core::Error e) {
            for (const auto& [field, option] : {std::pair{"item", "ITEM"}, std::pair{"due", "--due"},
                                                std::pair{"date", "--date"}, std::pair{"amount", "--amount"}}) {
                if (!e.where.empty() && e.where.front() == field) {
                    e.where.front() = option;
                    break;
                }
            }
            return e;
        };
        static const char* commands[] = {"pay", "skip", "missed", "unmark"};
        // Worked out from the household as the store holds it, inside the write transaction.
        auto applied = store->apply_with(
            [&](const core::Household& h) -> core::Result<core::Edit> {
                if (!core::find_item(h, m_item)) {
                    return core::bad_input("no bill or income has the id {0}", core::quote_input(m_item))
                        .context("ITEM");
                }
                if (m_action == Action::unmark) {
                    return core::Edit{core::clear_edit(h, m_item, due.value())}; // core says if nothing is recorded
                }
                std::optional<core::Date> date;
                std::optional<core::Money> amount;
                if (m_action == Action::pay) {
                    date = app::clock().today(h.timezone);
                    if (m_date.given()) {
                        auto d = date_option("--date", m_date.value);
                        if (!d) {
                            return std::move(d).error();
                        }
                        date = d.value();
                    }
                    if (m_amount.given()) {
                        auto a = money_option("--amount", m_amount.value, h.currency);
                        if (!a) {
                            return std::move(a).error();
                        }
                        amount = a.value();
                    }
                }
                const auto status = m_action == Action::pay    ? core::PaymentStatus::paid
                                    : m_action == Action::skip ? core::PaymentStatus::skipped
                                                               : core::PaymentStatus::unpaid;
                return core::Edit{core::record_edit(h, m_item, due.value(), status, date, amount)};
            },
            change_context(commands[static_cast<std::size_t>(m_action)]));
        if (!applied) {
            return ctx.fail(as_option(applied.error()));
        }
        const auto& h = applied->household;
        const auto name = core::printable(*core::find_item(h, m_item)->name);
        if (m_action == Action::unmark) {
            ctx.out << app::say("{0} due {1} is expected again.", name, app::formats().full_day(due.value())) << '\n';
            return 0;
        }
        const auto* p = h.find_payment(m_item, due.value());
        const auto due_day = app::formats().full_day(p->due);
        ctx.out << (m_action == Action::pay
                        ? app::say("Recorded {0} due {1} as paid: {2} on {3}.", name, due_day,
                                   app::formats().money(*p->amount), app::formats().full_day(*p->date))
                    : m_action == Action::skip
                        ? app::say("Recorded {0} due {1} as skipped.", name, due_day)
                        : app::say("Recorded {0} due {1} as missed (still owed).", name, due_day))
                << '\n';
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
