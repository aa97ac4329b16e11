// Versioned settings: validation, applying a change, the diff between two versions and the
// values a restore brings back.
#include <catch2/catch.hpp>

#include "configuration/settings.hpp"

using namespace madoguchi::configuration;
using madoguchi::validation::FieldProblem;

namespace {

const SettingValues chatbot_v1{{"応答言語", "ja"}, {"timeout_seconds", "30"}, {"escalation", "desk"}};

}  // namespace

TEST_CASE("parameter names are trimmed and short, values have a limit", "[configuration][settings]") {
    CHECK(validate(chatbot_v1).empty());
    CHECK(validate(SettingValues{}).empty());
    CHECK(validate(SettingValues{{" timeout", "30"}}) == std::vector<FieldProblem>{{"values", "field.invalid_parameter_name"}});
    CHECK(validate(SettingValues{{"", "30"}}) == std::vector<FieldProblem>{{"values", "field.invalid_parameter_name"}});
    CHECK(validate(SettingValues{{std::string(101, 'p'), "1"}}) ==
          std::vector<FieldProblem>{{"values", "field.invalid_parameter_name"}});
    CHECK(validate(SettingValues{{"message", "1行目\n2行目"}}).empty());
    CHECK(validate(SettingValues{{"message", std::string(2001, 'x')}}) ==
          std::vector<FieldProblem>{{"values", "field.invalid_setting_value"}});
    SettingValues many;
    for (int index = 0; index <= 200; ++index) many.emplace(std::string("p").append(std::to_string(index)), "v");
    CHECK(validate(many) == std::vector<FieldProblem>{{"values", "field.too_many_parameters"}});
}

TEST_CASE("every change needs a reason", "[configuration][settings]") {
    CHECK(validate_reason("問い合わせ増加のため").empty());
    CHECK(validate_reason(" ") == std::vector<FieldProblem>{{"reason", "field.reason_required"}});
    CHECK(validate_reason(std::string(501, 'x')) == std::vector<FieldProblem>{{"reason", "field.too_long_500"}});
}

TEST_CASE("a change sets and removes parameters of the newest values", "[configuration][settings]") {
    const auto next = apply(chatbot_v1, {{{"timeout_seconds", "60"}, {"greeting", "こんにちは"}}, {"escalation", "missing"}});
    CHECK(next == SettingValues{{"応答言語", "ja"}, {"timeout_seconds", "60"}, {"greeting", "こんにちは"}});
}

TEST_CASE("the diff names added, removed and changed parameters", "[configuration][settings]") {
    const SettingValues v2{{"応答言語", "ja"}, {"timeout_seconds", "60"}, {"greeting", "こんにちは"}};
    const auto forward = diff(chatbot_v1, v2);
    CHECK(forward.added == SettingValues{{"greeting", "こんにちは"}});
    CHECK(forward.removed == SettingValues{{"escalation", "desk"}});
    CHECK(forward.changed == std::vector<ChangedSetting>{{"timeout_seconds", "30", "60"}});
    CHECK_FALSE(forward.empty());

    const auto backward = diff(v2, chatbot_v1);
    CHECK(backward.added == SettingValues{{"escalation", "desk"}});
    CHECK(backward.removed == SettingValues{{"greeting", "こんにちは"}});
    CHECK(backward.changed == std::vector<ChangedSetting>{{"timeout_seconds", "60", "30"}});

    CHECK(diff(chatbot_v1, chatbot_v1).empty());
    const auto back = diff_from_json(to_json(forward));
    REQUIRE(back);
    CHECK(back->added == forward.added);
    CHECK(back->removed == forward.removed);
    CHECK(back->changed == forward.changed);
}

TEST_CASE("restoring a version brings back exactly its values", "[configuration][settings]") {
    const std::vector<SettingsVersion> versions{
        {1, "desk1", "2026-11-01T00:00:00Z", "初期設定", chatbot_v1},
        {2, "desk2", "2026-11-10T00:00:00Z", "タイムアウト延長", apply(chatbot_v1, {{{"timeout_seconds", "60"}}, {}})},
    };
    const auto* first = find_version(versions, 1);
    REQUIRE(first);
    CHECK(diff(versions.back().values, first->values).changed == std::vector<ChangedSetting>{{"timeout_seconds", "60", "30"}});
    CHECK(find_version(versions, 3) == nullptr);

    const auto json = to_json(versions[1]);
    CHECK(json["values"]["timeout_seconds"] == "60");
    const auto back = version_from_json(json);
    REQUIRE(back);
    CHECK(back->values == versions[1].values);
    CHECK(back->reason == "タイムアウト延長");
    CHECK_FALSE(version_from_json({{"number", 1}, {"values", {{"a", 1}}}}));
}
