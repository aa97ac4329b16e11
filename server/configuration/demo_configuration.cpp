#include "configuration/demo_configuration.hpp"

#include "configuration/document_store.hpp"
#include "configuration/item_store.hpp"
#include "configuration/licence_store.hpp"
#include "configuration/settings_store.hpp"
#include "idempotency/request_hash.hpp"

namespace madoguchi::server::configuration {
namespace {

struct DemoItem {
    domain::ItemFields fields;
    std::int64_t seats = 0;            // 0: no licence
    std::int64_t assigned = 0;         // seats in use
    bool to_devices = false;           // GSS terminals rather than staff
};

const std::vector<DemoItem>& demo_items() {
    using domain::ItemKind;
    static const std::vector<DemoItem> items{
        {{ItemKind::service, "チャットボット", "職員からの問い合わせに24時間自動応答する。回答できない場合は運用窓口へ引き継ぐ。",
          "MIN-JOH", "株式会社サンプルAI", "2.4"}},
        {{ItemKind::service, "Slack", "全庁のビジネスチャット。運用窓口の問い合わせチャンネルを含む。", "MIN-JOH",
          "Slack Technologies", ""}},
        {{ItemKind::service, "kintone", "台帳・申請の旧業務アプリ（移行元）。", "MIN-JOH", "サイボウズ株式会社", ""}},
        {{ItemKind::service, "GSS連携", "GSS（政府共通ネットワーク）との接続調整。経由は所管省庁。", "MIN-JOH", "", ""}},
        {{ItemKind::software, "PC-Talker Neo Plus", "画面読み上げソフト。視覚に障害のある職員のGSS端末に導入。", "MIN-JOH",
          "株式会社高知システム開発", "Neo Plus 5"},
         15, 15, true},
        {{ItemKind::software, "チャットボット ライセンス", "チャットボットの製品ライセンス（1契約）。", "MIN-JOH",
          "株式会社サンプルAI", "2.4"},
         1, 1, false},
        {{ItemKind::software, "Slack Business+", "Slack の有償プラン。職員アカウント単位。", "MIN-JOH",
          "Slack Technologies", "Business+"},
         500, 480, false},
    };
    return items;
}

struct DemoSettings {
    const char* reason;
    domain::SettingValues values;
};

const std::vector<DemoSettings>& chatbot_settings() {
    static const std::vector<DemoSettings> settings{
        {"初期設定", {{"応答言語", "ja"}, {"応答タイムアウト秒", "30"}, {"エスカレーション先", "運用窓口"}, {"受付時間", "24時間"}}},
        {"問い合わせ増加に伴いタイムアウトを延長",
         {{"応答言語", "ja"}, {"応答タイムアウト秒", "60"}, {"エスカレーション先", "運用窓口"}, {"受付時間", "24時間"}}},
        {"夜間はFAQのみ回答する運用に変更",
         {{"応答言語", "ja"}, {"応答タイムアウト秒", "60"}, {"エスカレーション先", "運用窓口"}, {"受付時間", "24時間"},
          {"夜間モード", "FAQのみ"}}},
    };
    return settings;
}

constexpr std::string_view chatbot_manual =
    "チャットボット 運用マニュアル（第1版）\n\n"
    "1. 応答できない問い合わせは運用窓口へ引き継がれる。\n"
    "2. 設定の変更は構成管理の「設定」で、理由を添えて行う。\n"
    "3. 障害時はSlackの #madoguchi-desk に連絡する。\n";

// The first `count` GSS terminals in use (devices) or staff logins, for the seats.
store::Result<std::vector<domain::LicenceAssignment>> demo_assignees(store::Database& database, std::int64_t count,
                                                                     bool to_devices) {
    auto select = database.prepare(
        to_devices ? "SELECT '', id FROM devices WHERE class = 'gss_terminal' AND custodian_login <> '' ORDER BY id LIMIT ?1"
                   : "SELECT login, 0 FROM users WHERE login GLOB 'u[0-9]*' ORDER BY login LIMIT ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, count);
    std::vector<domain::LicenceAssignment> assignees;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return assignees;
        assignees.push_back({0, select.value().column_text(0), select.value().column_int(1), "", "", ""});
    }
}

store::Status record(store::Database& database, const audit::Actor& actor, std::string action, std::int64_t item_id,
                     nlohmann::json after) {
    return audit::record(database, {actor, std::move(action), "configuration_item", std::to_string(item_id), std::nullopt,
                                    std::move(after)});
}

store::Status seed_licence(store::Database& database, const audit::Actor& actor, std::int64_t item_id,
                           const DemoItem& demo, const std::string& at, DemoConfigurationCounts& counts) {
    const domain::Licence licence{demo.seats, calendar::Date{2026, 4, 1}, calendar::Date{2027, 3, 31}, ""};
    if (auto stored = put_licence(database, item_id, licence); !stored) return stored;
    if (auto recorded = record(database, actor, "licence.changed", item_id, domain::to_json(licence)); !recorded) {
        return recorded;
    }
    auto assignees = demo_assignees(database, demo.assigned, demo.to_devices);
    if (!assignees) return store::Error{assignees.error()};
    for (auto& assignment : assignees.value()) {
        assignment.assigned_at = at;
        assignment.assigned_by = actor.name;
        auto id = insert_assignment(database, item_id, assignment);
        if (!id) return store::Error{id.error()};
        ++counts.assignments;
    }
    return record(database, actor, "licence.assigned", item_id, {{"assignments", assignees.value().size()}});
}

store::Status seed_chatbot(store::Database& database, const audit::Actor& actor, std::int64_t item_id, const std::string& at) {
    std::int64_t number = 0;
    for (const auto& settings : chatbot_settings()) {
        const domain::SettingsVersion version{++number, actor.name, at, settings.reason, settings.values};
        if (auto stored = insert_settings_version(database, item_id, version); !stored) return stored;
        if (auto recorded = record(database, actor, "settings.changed", item_id, domain::to_json(version)); !recorded) {
            return recorded;
        }
    }
    auto document_id = insert_document(database, item_id, "チャットボット 運用マニュアル", domain::DocumentKind::operations_manual);
    if (!document_id) return store::Error{document_id.error()};
    const domain::DocumentVersion version{1, "chatbot-運用マニュアル.txt", "text/plain",
                                          static_cast<std::int64_t>(chatbot_manual.size()),
                                          idempotency::sha256_hex(chatbot_manual), actor.name, at};
    if (auto stored = insert_document_version(database, document_id.value(), version, chatbot_manual); !stored) {
        return stored;
    }
    return record(database, actor, "document.uploaded", item_id, domain::to_json(version));
}

}  // namespace

store::Result<DemoConfigurationCounts> seed_demo_configuration(store::Database& database, const audit::Actor& actor) {
    DemoConfigurationCounts counts;
    const auto now = calendar::now();
    const auto at = calendar::format_iso8601_utc(now);
    for (const auto& demo : demo_items()) {
        auto id = insert_item(database, demo.fields, now);
        if (!id) return store::Error{id.error()};
        ++counts.items;
        const domain::ConfigurationItem item{id.value(), demo.fields, 1, at};
        if (auto recorded = record(database, actor, "configuration_item.created", id.value(), domain::to_json(item)); !recorded) {
            return store::Error{recorded.error()};
        }
        if (demo.seats > 0) {
            if (auto seeded = seed_licence(database, actor, id.value(), demo, at, counts); !seeded) {
                return store::Error{seeded.error()};
            }
        }
        if (demo.fields.name == "チャットボット") {
            if (auto seeded = seed_chatbot(database, actor, id.value(), at); !seeded) return store::Error{seeded.error()};
        }
    }
    return counts;
}

}  // namespace madoguchi::server::configuration
