#include "app/gui/util.hpp"

namespace steadypay::gui {

wxDataViewCtrl* make_list(wxWindow* parent, RowsModel* model, const std::vector<std::pair<wxString, int>>& columns) {
    auto* list = new wxDataViewCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxDV_SINGLE | wxDV_ROW_LINES | wxDV_HORIZ_RULES);
    list->AssociateModel(model);
    model->DecRef(); // the control owns it now
    for (unsigned i = 0; i < columns.size(); ++i) {
        list->AppendTextColumn(columns[i].first, i, wxDATAVIEW_CELL_INERT, columns[i].second, wxALIGN_NOT,
                               wxDATAVIEW_COL_RESIZABLE);
    }
    return list;
}

std::optional<std::size_t> selected_row(const wxDataViewCtrl* list) {
    const auto item = list->GetSelection();
    if (!item.IsOk()) {
        return std::nullopt;
    }
    const auto* model = static_cast<const wxDataViewVirtualListModel*>(list->GetModel());
    return static_cast<std::size_t>(model->GetRow(item));
}

FieldError::FieldError(wxWindow* parent) : wxStaticText(parent, wxID_ANY, wxString()) {
    SetForegroundColour(colours::error);
    Hide();
}

void FieldError::set(const wxString& message) {
    if (message == GetLabel() && IsShown() == !message.empty()) {
        return;
    }
    SetLabel(message);
    Show(!message.empty());
    if (auto* top = wxGetTopLevelParent(this)) {
        top->Layout();
    }
}

} // namespace steadypay::gui
