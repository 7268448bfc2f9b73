#pragma once
// Opens a store with its passphrase, or creates a new one: the first window a person sees.

#include "app/gui/model/session.hpp"

#include <wx/combobox.h>
#include <wx/dialog.h>
#include <wx/gauge.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <filesystem>
#include <memory>

namespace steadypay::gui {

class FieldError;

class UnlockDialog : public wxDialog {
public:
    UnlockDialog(wxWindow* parent, std::filesystem::path path);

    // The opened session, once the dialog ended with wxID_OK.
    std::unique_ptr<Session> take_session() { return std::move(m_session); }
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] bool creating() const { return m_creating; }

    // For scripted starts and tests: fill the fields, then try to open or create.
    void fill(const wxString& passphrase, const wxString& confirm = {}, const wxString& name = {},
              const wxString& currency = {}, const wxString& timezone = {});
    bool attempt();
    [[nodiscard]] wxString error_text() const;

private:
    void build();
    void choose_store(bool create);
    void update_strength();

    std::filesystem::path m_path;
    bool m_creating = false;
    std::unique_ptr<Session> m_session;
    wxStaticText* m_heading = nullptr;
    wxStaticText* m_path_label = nullptr;
    wxTextCtrl* m_passphrase = nullptr;
    wxTextCtrl* m_confirm = nullptr;
    wxGauge* m_strength = nullptr;
    wxStaticText* m_strength_text = nullptr;
    wxTextCtrl* m_name = nullptr;
    wxComboBox* m_currency = nullptr;
    wxComboBox* m_timezone = nullptr;
    wxChoice* m_region = nullptr;
    wxWindow* m_create_panel = nullptr;
    FieldError* m_error = nullptr;
};

} // namespace steadypay::gui
