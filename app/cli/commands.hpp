#pragma once
// The commands of the `steadypay` program, one file each.

#include "app/cli/context.hpp"

#include <memory>

namespace steadypay::cli {

[[nodiscard]] std::unique_ptr<Command> make_init_command();
[[nodiscard]] std::unique_ptr<Command> make_import_command();
[[nodiscard]] std::unique_ptr<Command> make_export_command();
[[nodiscard]] std::unique_ptr<Command> make_schedule_command();
[[nodiscard]] std::unique_ptr<Command> make_forecast_command();
[[nodiscard]] std::unique_ptr<Command> make_plan_command();
[[nodiscard]] std::unique_ptr<Command> make_warnings_command();
[[nodiscard]] std::unique_ptr<Command> make_ack_command();
[[nodiscard]] std::unique_ptr<Command> make_accounts_command();
[[nodiscard]] std::unique_ptr<Command> make_incomes_command();
[[nodiscard]] std::unique_ptr<Command> make_bills_command();
[[nodiscard]] std::unique_ptr<Command> make_pay_command();
[[nodiscard]] std::unique_ptr<Command> make_skip_command();
[[nodiscard]] std::unique_ptr<Command> make_missed_command();
[[nodiscard]] std::unique_ptr<Command> make_unmark_command();
[[nodiscard]] std::unique_ptr<Command> make_passwd_command();
[[nodiscard]] std::unique_ptr<Command> make_backup_command();
[[nodiscard]] std::unique_ptr<Command> make_verify_command();
[[nodiscard]] std::unique_ptr<Command> make_audit_command();
[[nodiscard]] std::unique_ptr<Command> make_statement_import_command();
[[nodiscard]] std::unique_ptr<Command> make_transactions_command();
[[nodiscard]] std::unique_ptr<Command> make_imports_command();
[[nodiscard]] std::unique_ptr<Command> make_reconcile_command();

} // namespace steadypay::cli
