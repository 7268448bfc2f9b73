#include "app/gui/pages.hpp"

#include "app/common/plan_report.hpp"
#include "app/common/report.hpp"
#include "app/common/words.hpp"
#include "app/gui/forecast_chart.hpp"
#include "app/gui/month_grid.hpp"
#include "app/gui/util.hpp"
#include "core/headline.hpp"
#include "core/schedule_presets.hpp"

#include <wx/button.h>
#include <wx/sizer.h>

namespace steadypay::gui {

namespace {

wxStaticText* heading(wxWindow* parent, const wxString& text) {
    auto* t = new wxStaticText(parent, wxID_ANY, text);
    t->SetFont(t->GetFont().Bold());
    // The bold text is wider than the plain one the label was first measured with.
    t->SetMinSize(t->GetTextExtent(text) + wxSize(2, 0));
    return t;
}



wxString schedule_text(const core::Schedule& s) {
    if (const auto preset = core::detect_preset(s.rule)) {
        return wxs(app::schedule_text(*preset));
    }
    return wxs(s.rrule);
}

} // namespace

// AccountPicker ---------------------------------------------------------------------------------

AccountPicker::AccountPicker(wxWindow* parent) : wxChoice(parent, wxID_ANY) {}

void AccountPicker::set(const core::Household& h) {
    const int keep = GetSelection();
    Clear();
    for (const auto& a : h.accounts) {
        Append(wxs(a.name));
    }
    SetSelection(keep >= 0 && static_cast<std::size_t>(keep) < h.accounts.size() ? keep : 0);
    Show(h.accounts.size() > 1);
}

std::size_t AccountPicker::account() const {
    return GetSelection() < 0 ? 0 : static_cast<std::size_t>(GetSelection());
}

// Dashboard -------------------------------------------------------------------------------------

DashboardPage::DashboardPage(wxWindow* parent, Controller& controller) : Page(parent, controller) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    m_account = new AccountPicker(this);
    top->Add(m_account, wxSizerFlags().Border(wxALL, 8));

    auto* figures = new wxBoxSizer(wxHORIZONTAL);
    const auto big = [this](wxStaticText* t) {
        t->SetFont(t->GetFont().Bold().Scaled(2.2f));
        return t;
    };
    auto* today_box = new wxBoxSizer(wxVERTICAL);
    today_box->Add(new wxStaticText(this, wxID_ANY, _("Safe to spend today")));
    m_safe = big(new wxStaticText(this, wxID_ANY, "-"));
    today_box->Add(m_safe);
    auto* until_box = new wxBoxSizer(wxVERTICAL);
    m_until_label = new wxStaticText(this, wxID_ANY, _("Safe to spend until the next income"));
    until_box->Add(m_until_label);
    m_until = big(new wxStaticText(this, wxID_ANY, "-"));
    until_box->Add(m_until);
    figures->Add(today_box, wxSizerFlags(1).Border(wxRIGHT, 24));
    figures->Add(until_box, wxSizerFlags(1));
    top->Add(figures, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, 12));

    m_banner_panel = new wxPanel(this);
    auto* banner_sizer = new wxBoxSizer(wxHORIZONTAL);
    m_banner = new wxStaticText(m_banner_panel, wxID_ANY, _("Working out the forecast..."));
    m_banner->SetFont(m_banner->GetFont().Bold());
    auto* to_plan = new wxButton(m_banner_panel, wxID_ANY, _("See the plan"));
    banner_sizer->Add(m_banner, wxSizerFlags(1).CenterVertical().Border(wxALL, 10));
    banner_sizer->Add(to_plan, wxSizerFlags().CenterVertical().Border(wxALL, 6));
    m_banner_panel->SetSizer(banner_sizer);
    m_banner_panel->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { wrap_banner(); });
    });
    top->Add(m_banner_panel, wxSizerFlags().Expand().Border(wxALL, 8));
    to_plan->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_controller.show_plan(); });

    const wxString horizons[] = {_("30 days"), _("60 days"), _("90 days")};
    m_horizon = new wxRadioBox(this, wxID_ANY, _("Forecast"), wxDefaultPosition, wxDefaultSize, 3, horizons, 3);
    m_horizon->SetSelection(2);
    top->Add(m_horizon, wxSizerFlags().Border(wxLEFT, 8));
    m_chart = new ForecastChart(this);
    top->Add(m_chart, wxSizerFlags(3).Expand().Border(wxALL, 8));

    top->Add(heading(this, _("Upcoming payments, in the order of the plan")), wxSizerFlags().Border(wxLEFT, 8));
    m_upcoming = new RowsModel;
    m_upcoming_list =
        make_list(this, m_upcoming,
                  {{_("Date"), 170}, {_("Bill"), 170}, {_("Amount"), 110}, {_("What to do"), 190}, {_("Why"), 600}});
    m_upcoming_list->SetMinSize(wxSize(-1, 100)); // a few rows, even on a small screen
    top->Add(m_upcoming_list, wxSizerFlags(2).Expand().Border(wxLEFT | wxRIGHT | wxTOP, 8));
    // The selected payment's reason, whole: the list's column cuts long ones.
    m_upcoming_detail = new wxStaticText(this, wxID_ANY, _("Select a payment to see why the plan does it this way."));
    top->Add(m_upcoming_detail, wxSizerFlags().Expand().Border(wxALL, 8));
    SetSizer(top);

    m_account->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
    m_horizon->Bind(wxEVT_RADIOBOX,
                    [this](wxCommandEvent&) { m_controller.set_horizon(30 * (m_horizon->GetSelection() + 1)); });
    m_upcoming_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) {
        if (const auto row = selected_row(m_upcoming_list); row && *row < m_upcoming_reasons.size()) {
            m_upcoming_detail->SetLabel(m_upcoming_reasons[*row]);
            m_upcoming_detail->Wrap(std::max(200, GetClientSize().x - 60));
            Layout();
        }
    });
    m_upcoming_list->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        if (const auto row = selected_row(m_upcoming_list); row && *row < m_upcoming_refs.size()) {
            m_controller.record_payment(m_upcoming_refs[*row].first, m_upcoming_refs[*row].second);
        }
    });
}

void DashboardPage::set_horizon(int days) {
    m_horizon->SetSelection(std::clamp(days / 30 - 1, 0, 2));
}

std::size_t DashboardPage::upcoming_rows() const {
    return m_upcoming->size();
}

void DashboardPage::show(const core::Household& household, const Derived* derived) {
    m_household = &household;
    m_derived = derived;
    m_account->set(household);
    refresh();
}

void DashboardPage::set_banner(const wxString& text) {
    m_banner_text = text;
    wrap_banner();
}

void DashboardPage::wrap_banner() {
    m_banner->SetLabel(m_banner_text);
    // The panel's width less the button and the margins; the text wraps at words, both directions.
    int button = 0;
    for (const auto* child : m_banner_panel->GetChildren()) {
        if (child != m_banner) {
            button += child->GetSize().GetWidth();
        }
    }
    const int width = m_banner_panel->GetClientSize().GetWidth() - button - 40;
    if (width > 100) {
        // Wrap measures word by word; a shaped line (Hebrew, Arabic, bidi marks) can come out a
        // little wider, so leave it room.
        m_banner->Wrap(width - 40);
    }
    m_banner_panel->Layout();
}

void DashboardPage::refresh() {
    if (!m_household) {
        return;
    }
    const auto& h = *m_household;
    if (!m_derived || h.accounts.empty()) {
        m_safe->SetLabel("-");
        m_until->SetLabel("-");
        set_banner(h.accounts.empty() ? _("Add an account to see your forecast (Edit > Add account).")
                                      : _("Working out the forecast..."));
        m_banner_panel->SetBackgroundColour(wxColour(235, 235, 235));
        m_chart->clear();
        m_upcoming->set_rows({});
        Layout();
        return;
    }
    const auto& d = *m_derived;
    const std::size_t a = std::min(m_account->account(), d.forecast.accounts.size() - 1);
    const auto& af = d.forecast.accounts[a];
    m_safe->SetLabel(money_text(af.safe_to_spend));
    m_until->SetLabel(money_text(af.safe_to_spend_until_next_income));
    m_until_label->SetLabel(af.next_income
                                ? say("Safe to spend until {0}", short_date(*af.next_income, d.today))
                                : _("No income expected in these days"));
    m_safe->SetForegroundColour(af.safe_to_spend.is_zero() ? colours::overdraft : colours::good);

    // The banner: the most serious thing ahead and the first thing to do, or the all-clear.
    const auto head = core::headline(d.forecast, d.plan, af.account);
    if (head.kind == core::HeadlineKind::all_clear) {
        set_banner(wxs(app::sayn("No shortfall in the next {0} day.", "No shortfall in the next {0} days.",
                                 static_cast<unsigned long>(d.days), d.days)));
        m_banner_panel->SetBackgroundColour(colours::good_fill);
    } else {
        // Said with app::say, so names, dates and amounts are bidi-isolated in either direction.
        const auto when = app::formats().weekday_day(head.date, d.today);
        const auto& account_name = h.accounts[af.account].name;
        const auto bill_name = [&](std::size_t decision) -> const std::string& {
            return h.bills[d.plan.decisions[decision].bill].name;
        };
        const auto amount = app::formats().money(head.amount);
        wxString text;
        switch (head.kind) {
        case core::HeadlineKind::declined:
            text = wxs(app::say("On {0} the bank would return {1}'s payment of {2}: it would still be owed.", when,
                                h.bills[d.forecast.occurrences[*head.occurrence].item].name, amount));
            break;
        case core::HeadlineKind::overdraft:
            text = wxs(app::say("You would run short on {0}: {1} goes down to {2}.", when, account_name, amount));
            break;
        case core::HeadlineKind::reported_late:
            text = wxs(app::say("{0} would be reported late to the credit bureaus from {1}.", bill_name(*head.decision),
                                when));
            break;
        case core::HeadlineKind::past_grace:
            text = wxs(app::say("{0} is past its grace period from {1}: a late fee may apply.",
                                bill_name(*head.decision), when));
            break;
        case core::HeadlineKind::below_cushion:
        case core::HeadlineKind::all_clear:
            text = wxs(app::say("Below your cushion from {0}: {1} goes down to {2}.", when, account_name, amount));
            break;
        }
        const bool serious = head.kind == core::HeadlineKind::declined || head.kind == core::HeadlineKind::overdraft;
        int changes = 0;
        for (const auto& dec : d.plan.decisions) {
            const bool here = d.plan.occurrences[dec.occurrence].account == af.account;
            changes += here && dec.action != core::PlanAction::pay ? 1 : 0;
        }
        if (!d.planned) {
            text += " " + _("Working out what to do...");
        } else if (!d.plan.feasible) {
            text += " " + _("No order of payments avoids every overdraft: the plan shows the least costly one.");
        } else if (changes > 0 && head.kind != core::HeadlineKind::past_grace &&
                   head.kind != core::HeadlineKind::reported_late) {
            text += " " + wxs(app::sayn("The plan avoids it with {0} change.", "The plan avoids it with {0} changes.",
                                        static_cast<unsigned long>(changes), changes));
        }
        if (head.action) {
            text += "\n" + say("First: {0}", wxs(app::plan_reason(h, d.plan.decisions[*head.action], d.today)));
        }
        set_banner(text);
        m_banner_panel->SetBackgroundColour(serious ? colours::overdraft_fill : colours::below_cushion_fill);
    }
    m_chart->set(h, d.forecast, a, 30 * (m_horizon->GetSelection() + 1));

    std::vector<std::vector<wxString>> rows;
    std::vector<std::optional<wxColour>> colours_of;
    m_upcoming_refs.clear();
    m_upcoming_reasons.clear();
    for (const auto& dec : d.plan.decisions) {
        const auto& o = d.plan.occurrences[dec.occurrence];
        if (o.account != af.account || dec.in_look_ahead) {
            continue;
        }
        const auto& bill = h.bills[o.item];
        rows.push_back({dec.pay_date ? short_date(*dec.pay_date, d.today) : _("(hold)"), wxs(bill.name),
                        money_text(dec.pay_date ? dec.amount : dec.full_amount), wxs(app::action_label(h, d.plan, dec)),
                        wxs(app::plan_reason(h, dec, d.today))});
        m_upcoming_reasons.push_back(rows.back().back());
        colours_of.push_back(dec.action == core::PlanAction::pay ? std::nullopt
                                                                 : std::optional<wxColour>(colours::below_cushion));
        m_upcoming_refs.emplace_back(bill.id, o.due.due);
    }
    m_upcoming->set_rows(std::move(rows), std::move(colours_of));
    Layout();
    Refresh();
}

// Calendar --------------------------------------------------------------------------------------

CalendarPage::CalendarPage(wxWindow* parent, Controller& controller) : Page(parent, controller) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    auto* prev = new wxButton(this, wxID_ANY, "<", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    auto* next = new wxButton(this, wxID_ANY, ">", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    prev->SetToolTip(_("Previous month"));
    next->SetToolTip(_("Next month"));
    m_month_label = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(200, -1),
                                     wxALIGN_CENTRE_HORIZONTAL | wxST_NO_AUTORESIZE);
    m_month_label->SetFont(m_month_label->GetFont().Bold().Scaled(1.2f));
    m_account = new AccountPicker(this);
    bar->Add(prev, wxSizerFlags().CenterVertical());
    bar->Add(m_month_label, wxSizerFlags().CenterVertical().Border(wxLEFT | wxRIGHT, 8));
    bar->Add(next, wxSizerFlags().CenterVertical());
    bar->AddStretchSpacer();
    bar->Add(m_account, wxSizerFlags().CenterVertical());
    top->Add(bar, wxSizerFlags().Expand().Border(wxALL, 8));
    m_grid = new MonthGrid(this);
    top->Add(m_grid, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 8));
    m_details = new wxStaticText(this, wxID_ANY, _("Click a day to see its payments and balance."));
    top->Add(m_details, wxSizerFlags().Expand().Border(wxALL, 8));
    SetSizer(top);

    const auto step = [this](int months) {
        m_month = m_month + date::months{months};
        refresh();
    };
    prev->Bind(wxEVT_BUTTON, [step](wxCommandEvent&) { step(-1); });
    next->Bind(wxEVT_BUTTON, [step](wxCommandEvent&) { step(+1); });
    m_account->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
    m_grid->on_select([this](core::Date day) {
        if (!m_derived || !m_household) {
            return;
        }
        const auto& f = m_derived->forecast;
        const std::size_t a = std::min(m_account->account(), f.accounts.size() - 1);
        wxString text = short_date(day, m_derived->today);
        for (const auto& dbal : f.accounts[a].days) {
            if (dbal.date == day) {
                text +=
                    ": " + say("lowest {0}, closing {1}", money_text(dbal.low), money_text(dbal.close));
            }
        }
        for (const auto& e : f.events) {
            if (e.date == day && e.account == f.accounts[a].account) {
                text += "\n   " + wxs(app::occurrence_label(*m_household, f.occurrences[e.occurrence], f.from)) + "  " +
                        wxs(app::formats().signed_money(e.amount));
            }
        }
        m_details->SetLabel(text);
        Layout();
    });
}

std::size_t CalendarPage::shortfall_days_shown() const {
    return m_grid->count(DayCell::State::overdraft) + m_grid->count(DayCell::State::below_cushion);
}

void CalendarPage::show(const core::Household& household, const Derived* derived) {
    m_household = &household;
    m_derived = derived;
    m_account->set(household);
    if (derived && !m_month_set) {
        const date::year_month_day ymd{derived->today};
        m_month = ymd.year() / ymd.month();
        m_month_set = true;
    }
    refresh();
}

void CalendarPage::refresh() {
    m_month_label->SetLabel(wxs(app::formats().month_year(core::Date{m_month / 1})));
    std::map<core::Date, DayCell> cells;
    if (m_derived && m_household && !m_derived->forecast.accounts.empty()) {
        const auto& f = m_derived->forecast;
        const std::size_t a = std::min(m_account->account(), f.accounts.size() - 1);
        const auto& af = f.accounts[a];
        const auto cushion = m_household->accounts[af.account].cushion;
        for (const auto& d : af.days) {
            auto& c = cells[d.date];
            c.balance = money_text(d.close);
            c.state = d.low.is_negative() ? DayCell::State::overdraft
                      : d.low < cushion   ? DayCell::State::below_cushion
                                          : DayCell::State::ok;
        }
        for (const auto& e : f.events) {
            if (e.account != af.account) {
                continue;
            }
            auto& c = cells[e.date];
            c.lines.push_back(wxs(core::item_name(*m_household, f.occurrences[e.occurrence])) + " " +
                              wxs(app::formats().signed_money(e.amount)));
            c.incoming.push_back(e.amount.is_positive());
        }
    }
    m_grid->set(m_month, std::move(cells), m_derived ? m_derived->today : core::Date{});
    Layout();
}

// Plan ------------------------------------------------------------------------------------------

void PlanPage::wrap_summary() {
    // Its lines at the page's width (less room for shaped Hebrew and Arabic, as the banner's).
    m_summary->SetLabel(m_summary_text);
    if (const int width = GetClientSize().x - 60; width > 150) {
        m_summary->Wrap(width);
    }
    Layout();
}

PlanPage::PlanPage(wxWindow* parent, Controller& controller) : Page(parent, controller) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    m_summary = new wxStaticText(this, wxID_ANY, wxString());
    m_summary->SetFont(m_summary->GetFont().Bold());
    top->Add(m_summary, wxSizerFlags().Expand().Border(wxALL, 10));
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { wrap_summary(); });
    });
    m_rows = new RowsModel;
    m_list = make_list(this, m_rows,
                       {{_("Pay on"), 120},
                        {_("Bill"), 170},
                        {_("Amount"), 90},
                        {_("Plan"), 190},
                        {_("Days late"), 80},
                        {_("Late fee"), 80},
                        {_("Credit report"), 110},
                        {_("Shut-off risk"), 110}});
    top->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 8));
    top->Add(heading(this, _("Why")), wxSizerFlags().Border(wxLEFT | wxTOP, 10));
    m_reason = new wxStaticText(this, wxID_ANY, _("Select a payment to see why the plan does it this way."));
    top->Add(m_reason, wxSizerFlags().Expand().Border(wxALL, 10));
    top->Add(heading(this, _("What happens if it is not paid")), wxSizerFlags().Border(wxLEFT, 10));
    m_timeline = new wxStaticText(this, wxID_ANY, wxString());
    top->Add(m_timeline, wxSizerFlags().Expand().Border(wxALL, 10));
    SetSizer(top);
    m_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_details(); });
    m_list->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        if (const auto row = selected_row(m_list); row && m_derived) {
            const auto& o = m_derived->plan.occurrences[m_derived->plan.decisions[*row].occurrence];
            m_controller.record_payment(m_household->bills[o.item].id, o.due.due);
        }
    });
}

std::size_t PlanPage::decision_rows() const {
    return m_rows->size();
}

void PlanPage::show(const core::Household& household, const Derived* derived) {
    m_household = &household;
    m_derived = derived;
    if (!derived || !derived->planned) {
        m_summary_text = _("Working out the plan...");
        wrap_summary();
        m_rows->set_rows({});
        m_reason->SetLabel(wxString());
        m_timeline->SetLabel(wxString());
        return;
    }
    const auto& p = derived->plan;
    int late = 0;
    for (int n : p.cost.late_by_priority) {
        late += n;
    }
    wxString summary;
    if (!p.feasible) {
        summary = _("No order of payments avoids an overdraft in these days. Call your bank and the billers below.");
    } else if (p.cost.moved == 0 && p.cost.minimum_payments == 0) {
        summary = _("Every bill can be paid as scheduled without an overdraft.");
    } else {
        summary = _("Follow this plan and nothing is overdrawn.");
    }
    summary += "\n" + wxs(app::say("Late fees: {0}. Payments past their grace period: {1}. Reported to credit "
                                   "bureaus: {2}. Minimum-only payments: {3}. Days late in all: {4}.",
                                   app::formats().money(p.late_fees), late, p.cost.reported_late,
                                   p.cost.minimum_payments, p.cost.days_late));
    if (late > 0 && p.proven >= 2) {
        summary += "\n" + _("No plan has fewer payments past their grace period, class by class: that is proven.");
    }
    if (!derived->settled) {
        summary += "\n" + _("Checking for a better plan...");
    } else if (!p.optimal) {
        if (p.proven >= 4) {
            summary += "\n" + _("Proven best on overdrafts, late payments, reports and fees; on the rest it is the "
                                "best found in the time allowed.");
        } else {
            summary += "\n" + _("This is the best plan found in the time allowed: one with fewer late payments or "
                                "less in fees may exist.");
        }
    }
    m_summary_text = summary;
    wrap_summary();
    std::vector<std::vector<wxString>> rows;
    std::vector<std::optional<wxColour>> colours_of;
    for (const auto& d : p.decisions) {
        const auto& o = p.occurrences[d.occurrence];
        rows.push_back({d.pay_date ? short_date(*d.pay_date, derived->today) : _("(hold)"),
                        wxs(household.bills[o.item].name), money_text(d.pay_date ? d.amount : d.full_amount),
                        wxs(app::action_label(household, p, d)), wxs(app::formats().number(d.days_late)),
                        money_text(d.late_fee), d.reported_late ? _("reported late") : wxString("-"),
                        d.shutoff_risk ? _("at risk") : wxString("-")});
        colours_of.push_back(d.late                              ? std::optional<wxColour>(colours::overdraft)
                             : d.action != core::PlanAction::pay ? std::optional<wxColour>(colours::below_cushion)
                                                                 : std::nullopt);
    }
    m_rows->set_rows(std::move(rows), std::move(colours_of));
    show_details();
    Layout();
}

void PlanPage::show_details() {
    const auto row = selected_row(m_list);
    if (!row || !m_derived || *row >= m_derived->plan.decisions.size()) {
        return;
    }
    const auto& d = m_derived->plan.decisions[*row];
    const auto today = m_derived->today;
    m_reason->SetLabel(wxs(app::plan_reason(*m_household, d, today)));
    const auto& t = d.timeline;
    const auto& bill = m_household->bills[m_derived->plan.occurrences[d.occurrence].item];
    wxString text = say("Due {0}", short_date(t.due, today));
    text += "  >  " + (bill.late_fee.is_zero()
                           ? say("grace ends {0}", short_date(t.grace_ends, today))
                           : say("grace ends {0} (then a {1} late fee)", short_date(t.grace_ends, today),
                                              money_text(bill.late_fee)));
    if (t.reported_late_on) {
        text += "  >  " + say("reported late from {0}", short_date(*t.reported_late_on, today));
    }
    if (t.shutoff_risk_on) {
        text += "  >  " + say("shut-off risk from {0}", short_date(*t.shutoff_risk_on, today));
    }
    if (!bill.hardship_contact.empty()) {
        text += "\n" + say("To ask for more time: {0}", wxs(bill.hardship_contact));
    }
    m_timeline->SetLabel(text);
    Layout();
}

// Warnings --------------------------------------------------------------------------------------

WarningsPage::WarningsPage(wxWindow* parent, Controller& controller) : Page(parent, controller) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    m_show_acknowledged = new wxCheckBox(this, wxID_ANY, _("Show acknowledged warnings"));
    top->Add(m_show_acknowledged, wxSizerFlags().Border(wxALL, 8));
    m_rows = new RowsModel;
    m_list = make_list(this, m_rows, {{_("How urgent"), 100}, {_("When"), 170}, {_("What"), 520}});
    top->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, 8));
    m_details = new wxStaticText(this, wxID_ANY, wxString());
    top->Add(m_details, wxSizerFlags().Expand().Border(wxALL, 10));
    auto* ack = new wxButton(this, wxID_ANY, _("&Acknowledge"));
    ack->SetToolTip(_("Hide this warning for good; a new situation raises a new warning"));
    auto* back = new wxButton(this, wxID_ANY, _("Bring &back"));
    back->SetToolTip(_("Show this acknowledged warning again while it holds"));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(ack, wxSizerFlags().Border(wxALL, 8));
    buttons->Add(back, wxSizerFlags().Border(wxALL, 8));
    top->Add(buttons);
    SetSizer(top);
    m_show_acknowledged->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { refresh(); });
    m_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_details(); });
    ack->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const auto row = selected_row(m_list); row && *row < m_shown.size()) {
            m_controller.acknowledge(m_shown[*row]->id, true);
        }
    });
    ack->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
        const auto row = selected_row(m_list);
        e.Enable(row && *row < m_shown.size() && !m_shown[*row]->acknowledged);
    });
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const auto row = selected_row(m_list); row && *row < m_shown.size()) {
            m_controller.acknowledge(m_shown[*row]->id, false);
        }
    });
    back->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
        const auto row = selected_row(m_list);
        e.Enable(row && *row < m_shown.size() && m_shown[*row]->acknowledged);
    });
}

std::size_t WarningsPage::warning_rows() const {
    return m_rows->size();
}

void WarningsPage::show(const core::Household& household, const Derived* derived) {
    m_household = &household;
    m_derived = derived;
    refresh();
}

void WarningsPage::refresh() {
    m_shown.clear();
    std::vector<std::vector<wxString>> rows;
    std::vector<std::optional<wxColour>> colours_of;
    if (m_derived) {
        for (const auto& w : m_derived->warnings) {
            if (w.acknowledged && !m_show_acknowledged->GetValue()) {
                continue;
            }
            m_shown.push_back(&w);
            const wxString urgency = w.severity == core::Severity::critical  ? _("Urgent")
                                     : w.severity == core::Severity::warning ? _("Warning")
                                                                             : _("Note");
            const wxString when =
                w.days_until == 0 ? _("today")
                : w.days_until > 0
                    ? wxs(app::sayn("in {0} day", "in {0} days", static_cast<unsigned long>(w.days_until), w.days_until))
                    : wxs(app::sayn("{0} day ago", "{0} days ago", static_cast<unsigned long>(-w.days_until),
                                    -w.days_until));
            rows.push_back({urgency + (w.acknowledged ? " " + _("(seen)") : wxString()),
                            short_date(w.date, m_derived->today) + ", " + when,
                            wxs(app::warning_text(*m_household, w, m_derived->today).title)});
            colours_of.push_back(w.acknowledged                           ? std::optional<wxColour>(colours::muted)
                                 : w.severity == core::Severity::critical ? std::optional<wxColour>(colours::overdraft)
                                                                          : std::nullopt);
        }
    }
    m_rows->set_rows(std::move(rows), std::move(colours_of));
    m_details->SetLabel(m_derived && !m_derived->planned ? _("Working out the plan and the warnings...")
                        : m_shown.empty()                ? _("Nothing needs your attention.")
                                                         : _("Select a warning to see what to do."));
    Layout();
}

void WarningsPage::show_details() {
    const auto row = selected_row(m_list);
    if (!row || *row >= m_shown.size()) {
        return;
    }
    const auto& w = *m_shown[*row];
    const auto said = app::warning_text(*m_household, w, m_derived->today);
    wxString text = wxs(said.message);
    for (const auto& a : said.actions) {
        text += "\n  - " + wxs(a);
    }
    m_details->SetLabel(text);
    m_details->Wrap(GetClientSize().x - 30);
    Layout();
}

// Bills, incomes, accounts ---------------------------------------------------------------------

ItemsPage::ItemsPage(wxWindow* parent, Controller& controller, ListKind kind) : Page(parent, controller), m_kind(kind) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    m_rows = new RowsModel;
    switch (kind) {
    case ListKind::bills:
        m_list = make_list(this, m_rows,
                           {{_("Bill"), 170},
                            {_("Amount"), 120},
                            {_("When"), 300},
                            {_("Next due"), 110},
                            {_("Priority"), 200},
                            {_("Autopay"), 80},
                            {_("Grace"), 70},
                            {_("Late fee"), 80}});
        break;
    case ListKind::incomes:
        m_list = make_list(
            this, m_rows,
            {{_("Income"), 170}, {_("Amount"), 120}, {_("When"), 300}, {_("Next"), 110}, {_("Account"), 170}});
        break;
    case ListKind::accounts:
        m_list = make_list(this, m_rows,
                           {{_("Account"), 200},
                            {_("Balance"), 110},
                            {_("As of"), 110},
                            {_("Cushion"), 100},
                            {_("Overdraft limit"), 120},
                            {_("Safe to spend"), 120}});
        break;
    }
    top->Add(m_list, wxSizerFlags(1).Expand().Border(wxALL, 8));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add_button = new wxButton(this, wxID_ADD, _("&Add..."));
    auto* edit_button = new wxButton(this, wxID_EDIT, kind == ListKind::accounts ? _("&Update...") : _("&Edit..."));
    auto* remove_button = new wxButton(this, wxID_REMOVE, _("&Remove"));
    buttons->Add(add_button);
    buttons->Add(edit_button, wxSizerFlags().Border(wxLEFT, 6));
    buttons->Add(remove_button, wxSizerFlags().Border(wxLEFT, 6));
    if (kind != ListKind::accounts) {
        auto* record = new wxButton(this, wxID_ANY, _("Record a &payment..."));
        buttons->Add(record, wxSizerFlags().Border(wxLEFT, 18));
        record->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            if (const auto id = selected_id()) {
                m_controller.record_payment(*id, std::nullopt);
            }
        });
        record->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(selected_id().has_value()); });
    }
    top->Add(buttons, wxSizerFlags().Border(wxALL, 8));
    SetSizer(top);
    add_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_controller.add_item(m_kind); });
    edit_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const auto id = selected_id()) {
            m_controller.edit_item(m_kind, *id);
        }
    });
    remove_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const auto id = selected_id()) {
            m_controller.remove_item(m_kind, *id);
        }
    });
    for (auto* b : {edit_button, remove_button}) {
        b->Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(selected_id().has_value()); });
    }
    m_list->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) {
        if (const auto id = selected_id()) {
            m_controller.edit_item(m_kind, *id);
        }
    });
}

std::size_t ItemsPage::rows() const {
    return m_rows->size();
}

std::optional<std::string> ItemsPage::selected_id() const {
    const auto row = selected_row(m_list);
    if (!row || *row >= m_ids.size()) {
        return std::nullopt;
    }
    return m_ids[*row];
}

void ItemsPage::show(const core::Household& h, const Derived* derived) {
    std::vector<std::vector<wxString>> rows;
    m_ids.clear();
    const core::Date today = derived ? derived->today : core::Date{};
    const auto cal = h.calendar();
    const auto next = [&](const core::Schedule& s, core::BusinessDayRule r) -> wxString {
        if (!derived) {
            return "-";
        }
        const auto d = core::due_dates(s, r, cal, today, today + date::days{400});
        return d.empty() ? wxString("-") : short_date(d.front().due, today);
    };
    const auto amount = [](const core::Amount& a) {
        return a.is_range ? wxs(app::say("{0} to {1}", app::formats().money(a.min), app::formats().money(a.max)))
                          : money_text(a.min);
    };
    switch (m_kind) {
    case ListKind::bills:
        for (const auto& b : h.bills) {
            m_ids.push_back(b.id);
            rows.push_back(
                {wxs(b.name), amount(b.amount), schedule_text(b.schedule), next(b.schedule, b.business_day),
                 wxs(app::priority_name(b.priority)), b.autopay ? _("yes") : _("no"),
                 wxs(app::sayn("{0} day", "{0} days", static_cast<unsigned long>(b.grace_days), b.grace_days)),
                 money_text(b.late_fee)});
        }
        break;
    case ListKind::incomes:
        for (const auto& x : h.incomes) {
            m_ids.push_back(x.id);
            const auto* account = h.find_account(x.account);
            rows.push_back({wxs(x.name), amount(x.amount), schedule_text(x.schedule), next(x.schedule, x.business_day),
                            account ? wxs(account->name) : wxs(x.account)});
        }
        break;
    case ListKind::accounts:
        for (std::size_t i = 0; i < h.accounts.size(); ++i) {
            const auto& a = h.accounts[i];
            m_ids.push_back(a.id);
            wxString safe = "-";
            if (derived && i < derived->forecast.accounts.size()) {
                safe = money_text(derived->forecast.accounts[i].safe_to_spend);
            }
            rows.push_back({wxs(a.name), money_text(a.balance), wxs(core::to_iso(a.as_of)), money_text(a.cushion),
                            money_text(a.overdraft_limit), safe});
        }
        break;
    }
    m_rows->set_rows(std::move(rows));
}

} // namespace steadypay::gui
