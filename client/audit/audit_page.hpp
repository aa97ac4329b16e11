#pragma once
// 監査ログ's page state: the log with its filters, the date fields of the range, and whether
// the CSV export is offered here (only in the browser, which can download a file).
#include "audit/audit_records.hpp"
#include "ui/date_field_model.hpp"

namespace madoguchi::client {

struct AuditPage {
    explicit AuditPage(i18n::Language language) : log(language) {}

    AuditLog log;
    DateFieldModel from;
    DateFieldModel to;
    bool started = false;
};

}  // namespace madoguchi::client
