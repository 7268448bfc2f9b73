#pragma once
// A scripted run of the real program, for the smoke test under Xvfb: it drives the windows the
// way a person would, saves a screenshot of every view, and writes what key widgets show to
// values.json, then quits. With `create`, it first makes a new store through the dialogs and
// enters an account, a paycheck, a rent and two bills. With `other_writer`, the command line
// records payments while the window is open and edits from what it showed before.

#include <filesystem>

namespace steadypay::gui {

class MainFrame;
class UnlockDialog;

struct SmokeOptions {
    std::filesystem::path out;
    bool create = false;
    // The command line, to write to the store while the window is open (another writer).
    std::filesystem::path other_writer;
};

// Creates a store through the unlock dialog (the passphrase from STEADYPAY_PASSPHRASE).
bool smoke_create_store(UnlockDialog& dialog, const SmokeOptions& options);
// Runs the script on an open frame; returns the exit code.
int run_smoke(MainFrame& frame, const SmokeOptions& options, double startup_ms);

} // namespace steadypay::gui
