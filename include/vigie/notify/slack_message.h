// Formats an Alert as a Slack incoming-webhook message (Block Kit), within
// Slack's documented limits: header text ≤ 150 characters, section text
// ≤ 3000, at most 50 blocks, and a plain `text` fallback for notifications.
// Slack-compatible receivers (Mattermost) read the `text` field.
// Pure function.
#pragma once

#include <string>

#include "vigie/notify/alert.h"

namespace vigie {

/// Returns the JSON body to POST to a Slack incoming webhook.
std::string FormatSlackMessage(const Alert& alert);

/// Cuts `text` to at most `max_chars` code points, adding "…" when cut; never
/// splits a UTF-8 sequence.
std::string TruncateUtf8(const std::string& text, std::size_t max_chars);

}  // namespace vigie
