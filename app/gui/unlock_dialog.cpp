#include "app/gui/unlock_dialog.hpp"

#include "app/common/passphrase_strength.hpp"
#include "app/common/words.hpp"
#include "app/gui/util.hpp"
#include "storage/household_file.hpp"

#include <date/tz.h>

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace steadypay::gui {

namespace {

wxString system_time_zone() {
    try {
        return wxs(std::string(date::current_zone()->name()));
    } catch (const std::exception&) {
        return "UTC";
    }
}

} // namespace

UnlockDialog::UnlockDialog(wxWindow* parent, std::filesystem::path path)
    : wxDialog(parent, wxID_ANY, _("Steadypay"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_path(std::move(path)) {
    build();
}

void UnlockDialog::build() {
    auto* top = new wxBoxSizer(wxVERTICAL);
    m_heading = new wxStaticText(this, wxID_ANY, wxString());
    m_heading->SetFont(m_heading->GetFont().Bold().Scaled(1.3f));
    top->Add(m_heading, wxSizerFlags().Border(wxALL, 12));
    m_path_label = new wxStaticText(this, wxID_ANY, wxString());
    m_path_label->SetForegroundColour(colours::muted);
    top->Add(m_path_label, wxSizerFlags().Border(wxLEFT | wxRIGHT, 12));

    // What a new store needs besides its passphrase.
    auto* create = new wxPanel(this);
    auto* grid = new wxFlexGridSizer(2, wxSize(8, 6));
    grid->AddGrowableCol(1);
    m_name = new wxTextCtrl(create, wxID_ANY, _("My household"));
    const wxString currencies[] = {"USD", "EUR", "GBP", "ILS", "CAD", "AUD", "MXN", "INR", "JPY", "CHF"};
    m_currency = new wxComboBox(create, wxID_ANY, "USD", wxDefaultPosition, wxDefaultSize,
                                static_cast<int>(std::size(currencies)), currencies);
    m_timezone = new wxComboBox(create, wxID_ANY, system_time_zone());
    for (const char* tz : {"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
                           "Europe/London", "Europe/Berlin", "Asia/Jerusalem", "UTC"}) {
        m_timezone->Append(tz);
    }
    grid->Add(new wxStaticText(create, wxID_ANY, _("Whose household")), wxSizerFlags().CenterVertical());
    grid->Add(m_name, wxSizerFlags().Expand());
    grid->Add(new wxStaticText(create, wxID_ANY, _("Currency")), wxSizerFlags().CenterVertical());
    grid->Add(m_currency, wxSizerFlags().Expand());
    grid->Add(new wxStaticText(create, wxID_ANY, _("Time zone")), wxSizerFlags().CenterVertical());
    grid->Add(m_timezone, wxSizerFlags().Expand());
    // The bank holidays to keep: the time zone's country unless the person chooses.
    m_region = make_region_choice(create, core::guess_holiday_region(utf8(m_timezone->GetValue())));
    grid->Add(new wxStaticText(create, wxID_ANY, _("Bank holidays")), wxSizerFlags().CenterVertical());
    grid->Add(m_region, wxSizerFlags().Expand());
    const auto follow_zone = [this](wxCommandEvent& e) {
        const auto guess = core::guess_holiday_region(utf8(m_timezone->GetValue().Strip(wxString::both)));
        if (guess != core::HolidayRegion::none) {
            show_region(m_region, guess);
        }
        e.Skip();
    };
    m_timezone->Bind(wxEVT_COMBOBOX, follow_zone);
    m_timezone->Bind(wxEVT_TEXT, follow_zone);
    create->SetSizer(grid);
    m_create_panel = create;
    top->Add(create, wxSizerFlags().Expand().Border(wxALL, 12));

    auto* pass_grid = new wxFlexGridSizer(2, wxSize(8, 6));
    pass_grid->AddGrowableCol(1);
    m_passphrase = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(320, -1), wxTE_PASSWORD);
    m_confirm = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    pass_grid->Add(new wxStaticText(this, wxID_ANY, _("Passphrase")), wxSizerFlags().CenterVertical());
    pass_grid->Add(m_passphrase, wxSizerFlags().Expand());
    auto* confirm_label = new wxStaticText(this, wxID_ANY, _("Again, to confirm"));
    pass_grid->Add(confirm_label, wxSizerFlags().CenterVertical());
    pass_grid->Add(m_confirm, wxSizerFlags().Expand());
    pass_grid->AddSpacer(0);
    auto* strength_row = new wxBoxSizer(wxHORIZONTAL);
    m_strength = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, wxSize(120, 10));
    m_strength_text = new wxStaticText(this, wxID_ANY, wxString());
    strength_row->Add(m_strength, wxSizerFlags().CenterVertical());
    strength_row->Add(m_strength_text, wxSizerFlags().CenterVertical().Border(wxLEFT, 8));
    pass_grid->Add(strength_row);
    top->Add(pass_grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 12));

    m_error = new FieldError(this);
    top->Add(m_error, wxSizerFlags().Border(wxALL, 12));

    auto* choose_row = new wxBoxSizer(wxHORIZONTAL);
    auto* open_other = new wxButton(this, wxID_ANY, _("Open another store..."));
    auto* create_new = new wxButton(this, wxID_ANY, _("Create a new store..."));
    choose_row->Add(open_other);
    choose_row->Add(create_new, wxSizerFlags().Border(wxLEFT, 6));
    top->Add(choose_row, wxSizerFlags().Border(wxLEFT | wxRIGHT, 12));
    top->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Expand().Border(wxALL, 12));
    SetSizer(top);

    open_other->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choose_store(false); });
    create_new->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choose_store(true); });
    m_passphrase->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { update_strength(); });
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) {
            if (attempt()) {
                EndModal(wxID_OK);
            }
        },
        wxID_OK);
    Bind(
        wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(!m_passphrase->IsEmpty()); }, wxID_OK);

    std::error_code ec;
    m_creating = !std::filesystem::exists(m_path, ec);
    const auto apply_mode = [this, confirm_label] {
        m_heading->SetLabel(m_creating ? _("Create your Steadypay store") : _("Unlock your Steadypay store"));
        m_path_label->SetLabel(wxs(m_path.string()));
        m_create_panel->Show(m_creating);
        confirm_label->Show(m_creating);
        m_confirm->Show(m_creating);
        m_strength->Show(m_creating);
        m_strength_text->Show(m_creating);
        Fit();
    };
    apply_mode();
    Bind(
        wxEVT_COMMAND_MENU_SELECTED, [apply_mode](wxCommandEvent&) { apply_mode(); }, wxID_REFRESH);
    m_passphrase->SetFocus();
    CentreOnScreen();
}

void UnlockDialog::choose_store(bool create) {
    wxFileDialog dialog(this, create ? _("Create a new store") : _("Open a store"), wxs(m_path.parent_path().string()),
                        create ? wxString("steadypay.db") : wxString(), _("Steadypay stores (*.db)|*.db|All files|*"),
                        create ? (wxFD_SAVE | wxFD_OVERWRITE_PROMPT) : (wxFD_OPEN | wxFD_FILE_MUST_EXIST));
    if (dialog.ShowModal() != wxID_OK) {
        return;
    }
    m_path = utf8(dialog.GetPath());
    std::error_code ec;
    m_creating = !std::filesystem::exists(m_path, ec);
    if (create && !m_creating) {
        m_error->set(_("That file already exists: Steadypay never overwrites a store. Choose another name."));
        m_creating = false;
    } else {
        m_error->set(wxString());
    }
    wxCommandEvent refresh(wxEVT_COMMAND_MENU_SELECTED, wxID_REFRESH);
    ProcessWindowEvent(refresh);
}

void UnlockDialog::update_strength() {
    const auto hint = app::passphrase_strength(utf8(m_passphrase->GetValue()));
    m_strength->SetValue(std::min(100, static_cast<int>(hint.bits)));
    m_strength_text->SetLabel(wxs(hint.advice));
    m_strength_text->SetForegroundColour(hint.strength <= app::Strength::weak ? colours::error : colours::muted);
}

void UnlockDialog::fill(const wxString& passphrase, const wxString& confirm, const wxString& name,
                        const wxString& currency, const wxString& timezone) {
    m_passphrase->ChangeValue(passphrase);
    m_confirm->ChangeValue(confirm);
    if (!name.empty()) {
        m_name->ChangeValue(name);
    }
    if (!currency.empty()) {
        m_currency->SetValue(currency);
    }
    if (!timezone.empty()) {
        m_timezone->SetValue(timezone);
    }
    update_strength();
}

wxString UnlockDialog::error_text() const {
    return m_error->GetLabel();
}

bool UnlockDialog::attempt() {
    storage::Passphrase pass(utf8(m_passphrase->GetValue()));
    wxBusyCursor busy;
    if (!m_creating) {
        auto s = Session::open(m_path, pass);
        if (!s) {
            m_error->set(s.error().code == core::Errc::wrong_passphrase
                             ? _("That passphrase does not open this store. Check it and try again.")
                             : wxs(app::describe(s.error())));
            m_passphrase->SetFocus();
            m_passphrase->SelectAll();
            return false;
        }
        m_session = std::move(s).value();
        return true;
    }
    if (m_passphrase->GetValue() != m_confirm->GetValue()) {
        m_error->set(_("The two passphrases differ."));
        return false;
    }
    core::Household h;
    h.name = utf8(m_name->GetValue().Strip(wxString::both));
    auto currency = core::Currency::from_code(utf8(m_currency->GetValue().Upper().Strip(wxString::both)));
    if (!currency) {
        m_error->set(wxs(app::describe(currency.error())));
        return false;
    }
    h.currency = currency.value();
    h.timezone = utf8(m_timezone->GetValue().Strip(wxString::both));
    if (!storage::is_known_time_zone(h.timezone)) {
        m_error->set(say("\"{0}\" is not a time zone Steadypay knows (such as Europe/London).",
                                      m_timezone->GetValue()));
        return false;
    }
    h.holiday_region = region_of(m_region);
    h.weekend = core::region_weekend(h.holiday_region);
    for (const char* key : {"timezone", "weekend", "holiday_region"}) {
        h.written.add(key);
    }
    auto s = Session::create(m_path, pass, h);
    if (!s) {
        m_error->set(wxs(app::describe(s.error())));
        return false;
    }
    m_session = std::move(s).value();
    return true;
}

} // namespace steadypay::gui
