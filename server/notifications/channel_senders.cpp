#include "notifications/channel_senders.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

#include "calendar/tokyo_time.hpp"
#include "notifications/email_message.hpp"

namespace madoguchi::server::notifications {
namespace {

struct CurlDeleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct ListDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using CurlHandle = std::unique_ptr<CURL, CurlDeleter>;
using CurlList = std::unique_ptr<curl_slist, ListDeleter>;

CurlHandle new_handle(const NotificationConfig& config) {
    // curl_global_init is not thread-safe; the first send does it once.
    static std::once_flag initialised;
    std::call_once(initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    CurlHandle handle(curl_easy_init());
    if (handle) {
        curl_easy_setopt(handle.get(), CURLOPT_TIMEOUT, static_cast<long>(config.send_timeout.count()));
        curl_easy_setopt(handle.get(), CURLOPT_NOSIGNAL, 1L);
    }
    return handle;
}

struct Upload {
    std::string_view remaining;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    const auto length = std::min(size * count, upload->remaining.size());
    std::memcpy(buffer, upload->remaining.data(), length);
    upload->remaining.remove_prefix(length);
    return length;
}

std::size_t keep_response(char* data, std::size_t size, std::size_t count, void* user) {
    auto* response = static_cast<std::string*>(user);
    // Enough of the answer to tell an operator what the peer said.
    if (response->size() < 500) response->append(data, std::min(size * count, 500 - response->size()));
    return size * count;
}

SendOutcome curl_failure(CURLcode code, const char* detail) {
    return {false, std::string(curl_easy_strerror(code)) + (detail[0] != '\0' ? std::string(": ") + detail : "")};
}

SendOutcome send_email(const NotificationConfig& config, const OutboxMessage& message) {
    auto handle = new_handle(config);
    if (!handle) return {false, "cannot start libcurl"};
    const auto text = compose_email({config.mail_from, message.recipient, message.subject, message.body,
                                     message_id_of(config, message), calendar::now()});
    Upload upload{text};
    const auto url = "smtp://" + config.smtp_host + ":" + std::to_string(config.smtp_port);
    const auto from = "<" + config.mail_from + ">";
    const auto to = "<" + message.recipient + ">";
    CurlList recipients(curl_slist_append(nullptr, to.c_str()));
    char error[CURL_ERROR_SIZE] = "";
    CURL* curl = handle.get();
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    const auto code = curl_easy_perform(curl);
    if (code != CURLE_OK) return curl_failure(code, error);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    return {true, std::string("SMTP ").append(std::to_string(status))};
}

SendOutcome post_webhook(const NotificationConfig& config, const OutboxMessage& message) {
    const auto webhook = config.webhooks.find(message.recipient);
    if (webhook == config.webhooks.end()) return {false, "no webhook named " + message.recipient + " is configured"};
    auto handle = new_handle(config);
    if (!handle) return {false, "cannot start libcurl"};
    const auto body = nlohmann::json{{"text", message.subject + "\n\n" + message.body}}.dump();
    CurlList headers(curl_slist_append(nullptr, "Content-Type: application/json; charset=utf-8"));
    std::string response;
    char error[CURL_ERROR_SIZE] = "";
    CURL* curl = handle.get();
    curl_easy_setopt(curl, CURLOPT_URL, webhook->second.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep_response);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    const auto code = curl_easy_perform(curl);
    if (code != CURLE_OK) return curl_failure(code, error);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    auto detail = std::string("HTTP ").append(std::to_string(status));
    if (!response.empty()) detail.append(" ").append(response);
    return {status >= 200 && status < 300, detail};
}

}  // namespace

std::string message_id_of(const NotificationConfig& config, const OutboxMessage& message) {
    const auto at = config.mail_from.rfind('@');
    const auto domain = at == std::string::npos ? std::string("localhost") : config.mail_from.substr(at + 1);
    std::string stamp;
    for (const char c : message.queued_at) {
        if (c >= '0' && c <= '9') stamp += c;
    }
    return std::string("notification.").append(std::to_string(message.id)).append(".").append(stamp).append("@").append(domain);
}

SendOutcome send_message(const NotificationConfig& config, const OutboxMessage& message) {
    return message.channel == Channel::email ? send_email(config, message) : post_webhook(config, message);
}

}  // namespace madoguchi::server::notifications
