#pragma once
// The fields of a user account, shared by the edit panel and the new-user dialog: 氏名,
// 所属 (the division tree, indented), ロール (one checkbox each), ベンダー会社名 (only when
// the vendor role is ticked) and メール; errors inline beside each field.
#include <string>
#include <vector>

#include "admin/user_record.hpp"
#include "api/form_errors.hpp"
#include "i18n/catalog.hpp"
#include "identity/divisions.hpp"

namespace madoguchi::client {

// The division tree as choice labels, each indented by its depth.
std::vector<std::string> division_labels(const Divisions& divisions, i18n::Language language);

// Draws the fields (the login too when `creating`); true when a value changed.
bool draw_user_fields(UserFormValues& values, const FormErrors& errors, const Divisions& divisions, bool creating,
                      i18n::Language language);

// A line "label: value" for read-only screens.
void draw_user_value(std::string_view label_key, const std::string& value, i18n::Language language);

}  // namespace madoguchi::client
