## Entraide — interface texts in English.
## Every id here also exists in fr.ftl (a test checks it).

## Page frame

site-name = Entraide Haut-Rhin
skip-to-list = Skip to the list of posts
skip-to-content = Skip to the content
brand-place = Haut-Rhin
tagline = Ask for or offer a helping hand, close to home
nav-publish = Post
nav-account = Account
nav-moderation = Moderation
nav-to-handle = { $count } to handle
nav-my-posts = My posts
nav-messages = Messages
nav-unread-messages = { $count } unread
nav-notifications = Notifications
nav-unread-notifications = { $count } unread
nav-my-account = My account:
nav-log-in = Log in
language-switch = Language
footer-privacy = Positions shown are approximate (to within a few hundred metres) to protect people.
footer-sources = Communes: INSEE, IGN, DILA sources — Licence Ouverte.
footer-open-data = Open data (GeoJSON)
meta-description = Entraide Haut-Rhin: requests and offers of help between neighbours, checked by the Département.

## Home: the map and the list

home-title = Entraide Haut-Rhin — requests and offers of help near you
home-heading = Requests and offers of help in the Haut-Rhin
home-reported = Thank you, your report has been recorded. The post is hidden while the Département's team checks it.
home-map = Map
list-loading = Loading posts…
list-heading = { $count ->
    [0] No posts in this area
    [one] { $count } post in this area
   *[other] { $count } posts in this area
}
list-empty = Try zooming out on the map or removing a filter.
list-see-all = See all posts in the Haut-Rhin
list-more = { $count ->
    [one] { $count } more post in this area: zoom in on the map or choose a category to see it.
   *[other] { $count } more posts in this area: zoom in on the map or choose a category to see them.
}
filters = Post filters
filters-kind = Kind of post
filters-categories = Categories
filters-active = (active filter, remove)
filters-all = All
filters-requests = Requests
filters-offers = Offers
filters-clear = Clear filters
filters-when = When
filters-when-any = Any day
filters-when-today = Today
filters-when-tomorrow = Tomorrow
filters-when-week = This week
filter-when-unknown = “{ $value }” is not a choice of days: today, tomorrow or week.

## When: a day, hours, or what comes back (posts)
when-label = When
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
# “Saturday 5 December”
when-day = { $weekday } { $day } { $month }
# “14:00”
when-time = { $hour }:{ $mm }
when-and = and
when-hours = , { $from } to { $to }
when-until = , until { $date }
when-once = { $day }{ $hours }
when-weekly = every { $days }{ $hours }{ $until }
when-monthly = on day { $days } of each month{ $hours }{ $until }
when-next = Next time: { $day }
when-today = today
when-tomorrow = tomorrow
when-hours-order = The end time must come after the start time.
when-hours-invalid = Give both times, the start and the end (for example 14:00 and 17:00), or neither.
when-until-past = This last day has already passed.
when-date-invalid = This date does not exist: choose a day of the calendar.
when-date-missing = Choose the day.
when-date-past = This day has already passed.
when-date-too-far = Choose a day within the next { $max } days.
when-weekdays-missing = Tick at least one day of the week.
when-monthdays-invalid = “{ $value }” is not a day of the month (1 to 31).
when-monthdays-missing = Give the days of the month, for example “1, 15”.
when-unknown = “{ $value }” is not a choice.
when-never = None of these days comes before the last day chosen.
publish-when = When?
publish-when-hint = For a need at a given time, or one that comes back (a distribution every Tuesday, a visit on the 1st of the month).
publish-when-none = No particular day
publish-when-once = One day
publish-when-weekly = Every week
publish-when-monthly = Every month
publish-when-date = The day
publish-when-once-hint = The post stays online until the evening of that day.
publish-when-weekdays = Days of the week
publish-when-monthdays = Days of the month
publish-when-monthdays-hint = For example “1, 15” for the 1st and the 15th of each month.
publish-when-hours = Hours (optional)
publish-when-from = From
publish-when-to = to
publish-when-until = Last day (optional)
publish-when-recurring-hint = A post that comes back stays online a month at a time: each month, we will ask you whether it is still needed.
relative-consent-missing = Tick the box once the person helped agrees: without their agreement, the post cannot be published for them.
publish-relative = For whom?
publish-for-relative = I am posting for someone close (a parent, a neighbour I help…)
publish-for-relative-hint = The answers come to you. Give the commune or the point of the person helped: their exact address stays private, as always.
publish-relative-consent = The person helped agrees that I post this for them
badge-for-relative = For someone close
post-for-relative = Posted by someone close to the person helped, with their agreement. The answers go to that person.
my-posts-confirm = Still needed: one more month
notify-expiring-recurring = Your post “{ $title }” comes back regularly: is it still needed? Without a confirmation, it leaves the map on { $date }. Confirm it in one click in “My posts”.
sort = Order of the list
sort-recent-short = Newest
sort-nearest-short = Nearest
sort-recent = Newest first
sort-nearest = Nearest to the chosen place first
sort-relevance-short = Best match
sort-relevance = Best match for the words searched first
sort-near-me-short = Nearest to me
sort-near-me = Nearest to my position first (your phone asks for it)

## Vocabulary

category-groceries = Groceries
category-homework = Homework help
category-childcare = Childcare
category-food-aid = Food aid
category-transport = Getting around
category-diy = DIY and small jobs
category-company = Company and outings
category-paperwork = Paperwork and digital help
category-other = Other
category-home-visit = Home visits
kind-request = Request for help
kind-offer = Offer of help
poster-individual = Individual
poster-company = Company
poster-association = Association
poster-institution = Public or private body
status-pending = Awaiting approval
status-published = Published
status-in-progress = In progress
status-fulfilled = Done
status-closed = Withdrawn
status-rejected = Refused
status-expired = Expired
report-reason-scam = Scam or request for money
report-reason-danger = Someone could be in danger
report-reason-personal-data = Personal details (address, phone, name)
report-reason-inappropriate = Shocking or abusive content
report-reason-commercial = Advertising or commercial post
report-reason-not-mutual-aid = This is not mutual aid
report-reason-other = Something else
respond-request = I can help
respond-offer = I'm interested

## Dates

time-now = just now
time-minutes-ago = { $n } min ago
time-hours-ago = { $n } h ago
time-yesterday = yesterday
time-days-ago = { $n } days ago
time-months-ago = { $n ->
    [one] { $n } month ago
   *[other] { $n } months ago
}
time-years-ago = { $n ->
    [one] { $n } year ago
   *[other] { $n } years ago
}
time-soon = in a moment
time-in-minutes = in { $n } min
time-in-hours = in { $n } h
time-in-days = { $n ->
    [one] in { $n } day
   *[other] in { $n } days
}
date-day = { $day }
date-month-1 = January
date-month-2 = February
date-month-3 = March
date-month-4 = April
date-month-5 = May
date-month-6 = June
date-month-7 = July
date-month-8 = August
date-month-9 = September
date-month-10 = October
date-month-11 = November
date-month-12 = December
# "12 November 2026 at 14:05" (Paris time)
date-absolute = { $day } { $month } { $year } at { $hour }:{ $minute }
date-only = { $day } { $month } { $year }

## A post's page

post-loading = Loading the post…
post-back = ← Back to the posts
post-only-me = only you can see this post
post-only-staff = visible to the moderation team only
post-state-notice = { $state }: { $who }.
post-fulfilled = The help has been given. Thank you all!
post-published-by = Posted by
post-place = Place
post-place-approximate = { $commune } (approximate position)
post-published = Posted
post-published-on = — on { $date }
post-online-until = Online until
post-thanked = Thank you, your note is published.
post-thanks = Thank-you notes
post-thanks-unsigned = Anonymous note, { $date }
post-thanks-by = { $writer }, on { $date }
post-reported = Thank you, your report has been recorded. The Département's team will check this post.
report-summary = Report a problem with this post
report-reason = What is wrong?
report-details = Details (optional)
report-details-hint = Your report is read by the Département's team, not by the author.
report-send = Send the report
report-log-in = Log in
report-log-in-rest = to report this post to the Département's team.
respond-mine-heading = Answers to your post
respond-mine-text = People who answer write to you privately.
respond-see-messages = See my messages
respond-already = You have already written to the author.
respond-see-conversation = See the conversation
respond-log-in-text = To answer, log in: your message stays private between you and the author.
respond-log-in = { $action } — log in
respond-message = Your message to the author
respond-message-hint = Introduce yourself in a few words and say when you are available. Only the author will read it; do not give your address here.

## Maps

map-posts = Map of the posts; the list of posts gives the same content
map-around-me = Around me
map-locating = Finding your position…
map-post = Map: approximate position of the post (to within a few hundred metres)
map-picker = Map to choose the place
map-picker-hint = Or tap the map to put a pin near your home (it will be shown to within a few hundred metres).
map-use-my-position = Use my position
map-pin-placed = The pin is on your position. You can move it.
map-pin = Chosen place (you can move it)
map-unavailable = The map cannot be shown here.
map-not-loaded = The map could not be loaded. The list of posts is still available.
map-not-configured = The map is not configured.
map-not-created = The map could not be created.
map-zoom-in = Zoom in
map-zoom-out = Zoom out
map-locate-denied = You did not allow location. Allow it in your browser, or move the map yourself.
map-locate-timeout = Finding your location took too long. Try again, or move the map yourself.
map-locate-failed = Your position could not be found. Move the map yourself.
map-see-post = See the post
map-cell = { $count ->
    [one] { $count } post here: zoom in on this area
   *[other] { $count } posts here: zoom in on this area
}

## Error and offline pages

not-found-title = Page not found — Entraide Haut-Rhin
not-found-heading = Page not found
not-found-text = This page does not exist, or the post is no longer online: it may have been done, withdrawn, or it has expired.
not-found-back = See the posts near you
offline-title = No network — Entraide Haut-Rhin
offline-heading = No network right now
offline-text = Your phone or computer is not connected to the Internet, or the connection is too weak.
offline-list = The last list of posts you saw can still be read, as can the posts you opened.
offline-draft = If you were writing a post, it is not lost: it is kept on this device. Open "Post" again when the network is back: it will be there, ready to send.
offline-see-list = See the last list again
offline-resume = Resume my post

## Forms

form-choose = Choose…
form-sending = Sending…
form-errors = { $count ->
    [one] The form has one mistake: correct the field marked below.
   *[other] The form has { $count } mistakes: correct the fields marked below.
}

## Easy read

reading-easy = Easy read
reading-standard = Standard reading

## Posting step by step (easy-read mode)

steps-progress = Step { $n } of { $total }
steps-kind-question = What do you want to do?
steps-kind-request = I need help
steps-kind-offer = I want to help someone
steps-category-question = What is it for?
steps-title-question = Write a short title.
steps-title-hint = For example: "Shopping on Saturday".
steps-description-question = Explain what needs doing.
steps-description-hint = Say what, which day and what time.
steps-place-question = In which commune?
steps-place-hint = Write the name of the commune or its postcode. For example: Colmar or 68000.
steps-note-question = A detail for the person who will help you?
steps-note-hint = For example: the building, the floor. Only the person you choose will see it. You can leave it empty.
steps-confirm-question = Check your post.
steps-confirm-text = The Département's team reads your post. Then everyone can see it.
steps-continue = Continue
steps-change = Change
steps-publish = Publish the post
steps-back = Go back
steps-summary-kind = You
steps-summary-category = It is for
steps-summary-title = Title
steps-summary-description = Explanation
steps-summary-place = Commune
steps-summary-note = Detail
steps-none = (nothing)

## Account: signing up and logging in

field-email = E-mail address
field-password = Password
sign-up-title = Create an account — Entraide Haut-Rhin
sign-up-heading = Create an account
sign-up-intro = An account lets you post a request or an offer of help. It is free.
sign-up-have-account = Already have an account?
sign-up-name = Your name (what others will see)
sign-up-name-hint = Your first name is enough.
sign-up-you-are = You are
sign-up-organisation = Name of the organisation
sign-up-organisation-hint = Only if you represent a company, an association or a body.
sign-up-password-hint = At least 10 characters. A sentence easy to remember works very well, for example "the cat sleeps on the roof".
sign-up-charter = I have read and accept the mutual-aid charter.
sign-up-charter-read = Read the mutual-aid charter
sign-up-charter-missing = To create an account, accept the mutual-aid charter.
charter-accept-title = The mutual-aid charter has changed — Entraide
charter-accept-heading = The mutual-aid charter has changed
charter-accept-intro = Read the new version of the charter, then accept it to go on.
charter-accept-submit = Continue
sign-up-submit = Create my account
log-in-title = Log in — Entraide Haut-Rhin
log-in-no-account = No account yet?

## Posting

publish-title = Post a request or an offer — Entraide Haut-Rhin
publish-heading = Post a request or an offer
publish-log-in = To post, log in or create an account (it is free).
publish-intro = Your post will be read by the Département's team before it is published. Give neither your exact address nor your phone number: the map only shows an approximate point.
publish-you = You
publish-you-request = are asking for help
publish-you-offer = are offering help
publish-category = Category
publish-field-title = Title
publish-field-title-hint = In a few words, for example "Shopping for an elderly lady".
publish-field-description = Description
publish-field-description-hint = What needs doing, when, for how long.
publish-commune = Commune or postcode
publish-commune-hint = For example "Colmar" or "68000". Accents and capitals do not matter.
publish-duration = How long the post stays online
publish-days = { $n } days
publish-note = A detail for the person who will help you (optional)
publish-note-hint = Building, staircase, floor… It will only be shown to the person you choose, never on the map.
publish-limits = Title: { $title } characters at most. Description: { $description } at most.
draft-found = We found the post you had started on this device. Check it, then send it.
draft-forget = Delete the draft
draft-waiting = No network right now: your post has not left yet.
draft-waiting-more = It is kept on this device and will leave by itself as soon as the network is back. You can also close this page: you will find it here.

## My posts

my-posts-title = My posts — Entraide Haut-Rhin
my-posts-log-in = Log in to see your posts.
my-posts-published = Your post is saved. Everyone will see it once the Département's team has approved it.
my-posts-edited = Your changes are saved. The post will be visible again once approved.
my-posts-none = You have not posted anything yet.
my-posts-hidden = Hidden while it is checked
my-posts-published-on = posted on { $date }
my-posts-online-until = online until { $date }
my-posts-edit = Edit
my-posts-extend = Extend by 30 days
my-posts-fulfilled = Mark as done
my-posts-withdraw = Withdraw the post
edit-title = Edit my post — Entraide Haut-Rhin
edit-heading = Edit my post
edit-intro = After a change, the post is read again by the Département's team before it is published.
edit-submit = Save the changes
edit-log-in = Log in to edit your posts.

## My account

account-title = My account — Entraide Haut-Rhin
account-heading = My account
account-log-in = Log in to see your account.
account-welcome = Welcome! Your account is created.
account-name = Name
account-change-name = Change my name
account-display-name = Name shown
account-save-name = Save the name
account-change-password = Change my password
account-current-password = Current password
account-new-password = New password
account-new-password-hint = At least 10 characters.
account-save-password = Change the password
account-emails = E-mail notifications
account-emails-choice = Also receive notifications by e-mail (answers, messages, decisions)
account-emails-save = Save this choice
account-log-out = Log out
account-data = My data
account-data-text = Download everything Entraide keeps about you: your account, your posts (with the exact place), your conversations, your reports, your notifications, and who saw your contact details.
account-data-download = Download my data (JSON file)
account-delete = Delete my account
account-delete-text = Your name, your e-mail address, your phone numbers, your private notes and the exact place of your posts are erased. Your posts are withdrawn. Messages already sent stay readable by the people you wrote to, signed "Deleted user". This cannot be undone.
account-delete-password = Your password, to confirm
account-delete-submit = Delete my account for good
deleted-title = Account deleted — Entraide Haut-Rhin
deleted-heading = Your account is deleted
deleted-text = Your personal data has been erased. Thank you for taking part in mutual aid in your neighbourhood.
deleted-home = Back to the home page

## Notifications

loading = Loading…
notifications-title = Notifications — Entraide Haut-Rhin
notifications-new = { $count ->
    [0] You have no new notifications.
    [one] { $count } new notification.
   *[other] { $count } new notifications.
}
notifications-all-read = Mark all as read
notifications-empty = Answers to your posts and the decisions of the Département's team will show here.
notifications-unread-mark = New:

## Messages

messages-title = My messages — Entraide Haut-Rhin
messages-heading = My messages
messages-empty = No conversation yet. When you answer a post, or when someone answers yours, the conversation shows here.
messages-answered-you = { $name } answered your post
messages-you-wrote = You wrote to { $name }
messages-unread = { $count ->
    [one] unread message
   *[other] unread messages
}
messages-accepted = help accepted

## A conversation

conversation-loading = Loading the conversation…
conversation-done-message = Message sent.
conversation-done-accept = You accepted this help. The person now sees the exact address.
conversation-done-withdraw = Acceptance withdrawn. The post is open again.
conversation-done-done = Thank you! The author will confirm that the help was given.
conversation-done-confirm = The help was given: the post is marked as done and leaves the map. Thank you!
conversation-done-report = Thank you, the message is reported to the Département's team.
block-summary = Stop receiving messages from { $name }
block-hint = This person will no longer be able to write to you in this conversation. You can change your mind later. If they were disrespectful, also report their message to the team.
block-submit = Block this person
unblock-submit = Unblock this person
block-you-blocked = You blocked { $name }: this person can no longer write to you here.
block-you-are-blocked = You can no longer write in this conversation.
block-staff-author = The author of the post blocked the person who answered.
block-staff-responder = The person who answered blocked the author of the post.
block-staff-both = Both people blocked each other.
conversation-blocked = You can no longer write in this conversation.
conversation-done-block = The person is blocked: they can no longer write to you here.
conversation-done-unblock = The person is unblocked: they can write to you here again.
conversation-title = Conversation with { $name } — Entraide Haut-Rhin
conversation-heading-author = { $name } answers you
conversation-heading-helper = Your conversation with { $name }
conversation-you-accepted = You accepted the help of { $name }.
conversation-accepted-you = { $name } accepted your help.
conversation-helper-done = { $name } says the help was given. Do you confirm?
conversation-about = About
conversation-staff-view = You are reading this conversation because one of its messages was reported.
conversation-refresh = See new messages
conversation-your-message = Your message
conversation-send = Send
conversation-you = You
conversation-report = Report this message
conversation-report-send = Report
conversation-fulfilled = This post is done.
private-heading-author = What the accepted person sees
private-heading-helper = Where to go
private-hint = This information is private: do not share it.
private-exact = Exact address
private-note = Detail
private-none = none
private-phone = Phone
private-open-map = Open in a map (OpenStreetMap)
accept-help-of = Accept the help of { $name }
accept-person = Accept { $name }
accept-text = { $name } will then see the exact address and your detail (building, floor). Other people only see the commune.
accept-share-phone = Also share my phone number with this person
accept-phone = My number (if I share it)
accept-off-map = Take the post off the map during the help
action-confirm = Confirm that the help was given
action-done = The help was given
action-withdraw = Withdraw my acceptance
thank-label = A thank-you note (it will be visible on the post's page)
thank-signed = Sign this note with my name (otherwise it stays anonymous)
thank-submit = Publish my note

## Access and errors

restricted-log-in = Log in to see this page.
restricted-staff = This page is for the Département's moderation team only.
restricted-back = Back to the posts
error-box-title = We could not show the posts.
error-box-all = See all posts

## Moderation decisions

decision-reason-personal-data = it contains personal details
decision-reason-not-mutual-aid = it is not mutual aid between neighbours
decision-reason-commercial = it is a commercial post
decision-reason-duplicate = it duplicates another post
decision-reason-inappropriate = its content is not appropriate
decision-reason-other = another reason
action-approve = Published
action-reject = Refused
action-redact = Edited, then published
action-unpublish = Taken off the map
action-dismiss-reports = Reports dismissed
action-auto-hide = Hidden automatically (reports)
action-disable-author = Author's account disabled
event-by = by { $name }
event-automatic = automatically
event-reason = reason: { $reason }
event-message = Message: "{ $message }"
change-before = Before
change-after = Published
author-approved = Published by the Département's team.
author-redacted = Published after an edit by the team (to protect personal details).
author-rejected = Refused.
author-rejected-because = Refused: { $reason }.
author-unpublished = Taken off the map while it is checked.
author-unpublished-because = Taken off the map while it is checked: { $reason }.
author-team-message = Message from the team: "{ $message }"
author-see-change = See what changed
author-can-edit = You can edit the post: it will be examined again.

## Moderation (the Département's team)

moderation-title = Post approval — Entraide Haut-Rhin
moderation-heading = Post approval
moderation-loading = Loading the queue…
moderation-empty = All done: no post is waiting for approval.
moderation-submitted = Submitted
moderation-full-history = Full history of the post
moderation-reject-open = Refuse…
moderation-reject-reason = Reason for refusal
moderation-message = Message to the author (optional)
moderation-message-hint = They will read it in their notifications. Tell them how to correct their post.
moderation-reject = Refuse the post
moderation-redact-open = Edit, then publish…
moderation-redact-hint = Remove a phone number, an address or a surname. The author will see what changed.
moderation-redact = Publish the edited text
moderation-queues = Moderation queues
moderation-tab-pending = To approve
moderation-tab-reports = Reports
moderation-health = { $count ->
    [one] 1 post waiting, submitted { $oldest }.
   *[other] { $count } posts waiting; the oldest was submitted { $oldest }.
}
moderation-health-none = No post waiting for approval.
moderation-hidden = { $count ->
    [one] 1 post hidden after reports.
   *[other] { $count } posts hidden after reports.
}
moderation-done-approve = The post is published. The author is told.
moderation-done-reject = The post is refused. The author is told, with the reason.
moderation-done-redact = The post is published with the edited text. The author sees what changed.
moderation-done-dismiss = The reports are dismissed. The post is visible again.
moderation-done-unpublish = The post is taken off the map and goes back to approval. The author is told.
moderation-done-disable = The author's account is disabled and their posts are withdrawn.
moderation-account-disabled = account disabled
moderation-demo-data = Demo data (no account)
moderation-hidden-badge = Hidden
moderation-exact = Exact place
moderation-author = Author
moderation-private-note = Private note
moderation-previous = Previous decisions
moderation-handled = handled
moderation-reported-message = Reported message: "{ $message }"
moderation-read-conversation = Read the conversation
reports-title = Reports — Entraide Haut-Rhin
reports-heading = Reported posts
reports-loading = Loading the reports…
reports-empty = No reports to handle.
reports-open = { $count ->
    [one] 1 open report
   *[other] { $count } open reports
}
reports-dismiss = Dismiss (the post stays online)
reports-unpublish-open = Take off the map…
reports-unpublish-hint = The post goes back to the approval queue; the author is told the reason.
reports-reason = Reason
reports-disable-open = Disable the author's account…
reports-disable-hint = The author will no longer be able to log in, their sessions end and all their current posts are withdrawn. Only an administrator can enable the account again.
reports-disable = Disable the account
history-title = History: { $title } — Entraide Haut-Rhin
history-back = Approval queue
history-public = See the public post
history-empty = No decision has been made on this post yet.

## What the server says: validation errors, refusals, confirmations, notifications and
## e-mails (ids built by the domain and the services, put into words where they are shown).

geo-not-a-number = The position is not a number.
geo-out-of-earth = The position is outside the Earth's bounds.
bbox-four-numbers = The area must be written west,south,east,north (four numbers separated by commas).
bbox-not-a-number = “{ $value }” is not a valid number in the area.
bbox-longitude = The longitude must be between -180 and 180.
bbox-latitude = The latitude must be between -90 and 90.
bbox-empty = The area is empty: west must come before east and south before north.
message-empty = Write a few words before sending.
message-too-long = The message is too long: { $count } characters, { $max } at most.
thanks-empty = Write your thank-you note.
thanks-too-long = The note is too long: { $count } characters, { $max } at most.
phone-invalid = This phone number is not valid (example: 06 12 34 56 78).
title-empty = Give your post a title.
title-too-short = The title is too short ({ $min } characters at least).
title-too-long = The title is too long: { $count } characters, { $max } at most.
description-empty = Describe in a few words what it is about.
description-too-long = The description is too long: { $count } characters, { $max } at most.
lifetime-too-short = A post stays online for at least one day.
lifetime-too-long = A post stays online for { $max } days at most.
lifetime-not-a-number = Enter a number of days.
post-kind-missing = Say whether it is a request or an offer of help.
category-missing = Choose a category.
location-invalid-point = The position chosen on the map is not valid.
location-missing = Enter your commune (or its postcode), or place a marker on the map.
commune-missing = Enter your commune or its postcode.
commune-unknown = No commune served by Entraide matches “{ $typed }”.
territory-code-invalid = “{ $typed }” is not a territory code: 1 to 12 letters, digits or hyphens (example: 68).
commune-ambiguous = Several communes match “{ $typed }”: { $names }. Say which one.
email-invalid = This e-mail address is not valid (example: first.last@example.com).
email-missing = Enter your e-mail address.
name-missing = Enter the name others will see (your first name is enough).
name-too-short = The name is too short ({ $min } characters at least).
name-too-long = The name is too long: { $count } characters, { $max } at most.
name-invisible = The name contains invisible characters.
password-too-short = The password must be at least { $min } characters long. A sentence that is easy to remember works very well.
password-too-long = The password is too long ({ $max } characters at most).
password-common = This password is among the most used: choose another one.
password-personal = The password must not repeat your name or your e-mail address.
password-repeated = The password must not repeat a single character.
password-missing = Enter your password.
log-in-wrong = Wrong e-mail address or password.
poster-kind-missing = Say whether you are a private person or an organisation.
organisation-missing = Enter the name of your organisation.
organisation-too-long = The organisation's name is too long ({ $max } characters at most).
decision-reason-missing = Choose a reason from the list.
decision-other-needs-message = With “other reason”, explain it to the author in a few words.
redaction-unchanged = The text has not changed. Edit it, or choose “Publish” as it is.
report-reason-missing = Choose what is wrong from the list.
report-other-needs-details = Say in a few words what is wrong.
notify-published = Your post “{ $title }” was published.
notify-redacted = Your post “{ $title }” was published after an edit by the moderation team. You can see what changed in “My posts”.
notify-rejected = Your post “{ $title }” was declined.
notify-rejected-because = Your post “{ $title }” was declined: { $reason }.
notify-unpublished = Your post “{ $title }” was taken off the map until it is checked.
notify-unpublished-because = Your post “{ $title }” was taken off the map until it is checked: { $reason }.
notify-other = { $subject }: “{ $title }”.
notify-team-message = Message from the team: “{ $message }”
filter-category-unknown = The category “{ $value }” does not exist. Possible categories: { $known }.
filter-kind-unknown = “{ $value }” is not a kind of post: request, offer or all.
filter-sort-unknown = “{ $value }” is not a known order: recent, nearest or relevance.
email-subject-published = Your post is published
email-subject-rejected = Your post was not published
email-subject-redacted = Your post is published (with an edit)
email-subject-unpublished = Your post is off the map
email-subject-response = Someone answers your post
email-subject-message = New message
email-subject-accepted = Your help is accepted
email-subject-withdrawn = Your help is no longer needed
email-subject-done = The help is done: do you confirm?
email-subject-fulfilled = Thank you: the help is done
respond-own-post = This is your post: you cannot answer it.
respond-closed = This post no longer takes new answers.
notify-response = { $name } answered “{ $answer }” to your post “{ $title }”.
notify-message = New message from { $name } about “{ $title }”.
accept-already = You have already accepted this person.
accept-not-now = A post that is “{ $status }” can no longer accept help.
accept-someone-already = You have already accepted someone. Withdraw that acceptance first.
notify-accepted = { $name } accepted your help for “{ $title }”. You can now see the exact address in the conversation.
withdraw-nothing = There is no acceptance to withdraw.
notify-withdrawn = { $name } no longer needs your help for “{ $title }”. Thank you for offering.
done-not-accepted = Only help that is accepted and under way can be marked as done.
done-already = You have already said so. The author now has to confirm.
notify-done = { $name } says the help for “{ $title }” is done. Confirm it in the conversation.
confirm-not-accepted = Only help that is accepted and under way can be confirmed.
notify-fulfilled = { $name } confirms the help for “{ $title }” is done. Thank you! You can leave a thank-you note.
notify-post-closed = { $name } withdrew the post “{ $title }”: your help is no longer needed. Thank you!
thanks-not-yet = A thank-you note can be left once the help is done.
thanks-already = You have already left a note for this post.
moderation-already-decided = This post has already been dealt with (it is now “{ $status }”).
report-already-hidden = This post is already being checked. Thank you.
report-own-post = You cannot report your own post. You can edit it or withdraw it.
report-already = You have already reported this post. The team will check it.
conversation-over = This conversation has ended: the post is no longer open. You can no longer write in it.
report-allowance = You have made { $max } reports in 24 hours, the most allowed. Try again tomorrow, or write to the Département.
report-own-message = You cannot report your own message.
report-message-already = You already have a report open on this post. The team will deal with it.
reports-already-handled = The reports on this post have already been dealt with.
unpublish-not-now = A post that is “{ $status }” cannot be taken off the map.
disable-no-author = This post has no registered author.
disable-staff = A team account can only be disabled from the command line, by an administrator.
disable-already = This account is already disabled.
location-outside = This place is outside the communes Entraide serves. Choose a place in one of them.
allowance-new-account = A new account can publish { $max } posts on its first day. Try again tomorrow: your posts already published stay online.
allowance-posts = You have published { $max } posts in 24 hours, the most allowed. Try again tomorrow.
close-outcome-missing = Choose “fulfilled” or “withdrawn”.
close-not-now = A post that is “{ $status }” cannot be marked “{ $outcome }”.
edit-not-now = A post that is “{ $status }” can no longer be edited.
commune-not-found = This commune is unknown.
extend-not-now = A post that is “{ $status }” can no longer be extended.
status-not-now = A post that is “{ $status }” cannot become “{ $next }”.
email-taken = An account already exists with this e-mail address. Log in, or choose another address.
password-current-wrong = The current password is wrong.
password-wrong = The password is wrong.
form-unknown-action = Unknown action.
moderation-action-missing = Choose an action.
sign-up-too-many =
    Many accounts have been created from this connection. Try again in { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }.
account-name-changed = Your name has been changed.
account-password-changed = Your password has been changed.
account-emails-on = You will also receive notifications by e-mail.
account-emails-off = You will no longer receive e-mails: notifications stay in the app.
form-unknown = Unknown form.
my-posts-done-fulfilled = The post is marked as done. Thank you!
my-posts-done-closed = The post is withdrawn.
my-posts-done-extended = The post stays online until { $until }.
error-not-found = This page does not exist or is no longer available.
error-unauthenticated = Log in to continue.
error-forbidden = You are not allowed to do this.
error-too-many =
    Too many attempts. Try again in { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }.
error-busy = The service is very busy right now. Try again in a few seconds.
error-internal = Something went wrong on our side (reference { $reference }). Try again in a moment.
error-transport = The connection to the server failed. Check your connection and try again.
error-bad-request = The request is malformed.
email-body =
    Hello,

    { $body }

    To see more: { $link }

    See you soon on Entraide Haut-Rhin.

    --
    You receive this message because you have an account on Entraide Haut-Rhin. To stop receiving e-mails, untick “Also receive notifications by e-mail” in My account: { $account }
private-note-too-long = The detail is too long ({ $max } characters at most).
error-cross-site = This request comes from another site: it is refused. Come back to Entraide and try again.
error-internal-plain = Something went wrong on our side.
export-about = All the data linked to your Entraide account. Dates are in seconds since 1 January 1970 (UTC). The password is never kept in clear text and does not appear here.

## Accounts people can keep: a confirmed address, a forgotten password, sessions

verify-first = First confirm your e-mail address: open the link we sent you. What you wrote is kept.
verify-where = Send the link again from My account
verify-already = Your address is already confirmed.
verify-too-many = We already sent { $max } links this hour. Look in your spam folder, or try again in an hour.
link-invalid = This link no longer works: it was already used, it expired, or a newer link replaced it.
email-same = This is already your address.
email-verify-subject = Confirm your e-mail address — Entraide Haut-Rhin
email-verify-body =
    Hello { $name },

    To confirm your e-mail address on Entraide Haut-Rhin, open this link and press "Confirm my address":
    { $link }

    The link works for { $hours } hours. If you asked for nothing, do nothing.
email-reset-subject = Choose a new password — Entraide Haut-Rhin
email-reset-body =
    Hello { $name },

    To choose a new password, open this link:
    { $link }

    The link works for { $minutes } minutes, once. If you asked for nothing, do nothing: your password stays the same.
email-changed-subject = Your log-in address changed — Entraide Haut-Rhin
email-changed-body =
    Hello { $name },

    Your Entraide Haut-Rhin account now logs in with the address { $email }.

    If this was not you, call or write to the Département as soon as possible.
forgot-title = Forgotten password — Entraide Haut-Rhin
forgot-heading = Forgotten password
forgot-text = Give the e-mail address of your account: we send a link there to choose a new password.
forgot-submit = Get a link
forgot-sent = If an account exists for { $email }, an e-mail has just left with a link, valid for an hour. Remember to look in your spam folder.
forgot-phone = No access to your e-mails? Call the Département: an agent can give you a link.
forgot-back = Back to logging in
log-in-forgot = Forgotten password?
reset-title = New password — Entraide Haut-Rhin
reset-heading = Choose a new password
reset-ask-again = Ask for a new link
reset-sessions = You will be logged out on all your other devices.
reset-submit = Save my new password
verify-title = Confirm my address — Entraide Haut-Rhin
verify-heading = Confirm my e-mail address
verify-ask-again = Ask for a new link
verify-text = You confirm that the address { $email } is yours.
verify-submit = Confirm my address
confirmed-title = Address confirmed — Entraide Haut-Rhin
confirmed-heading = Address confirmed
confirmed-text = Thank you! You can now publish, answer and write to others.
confirmed-new-address = Thank you! This address is now your account's: use it to log in.
account-password-reset = Your new password is saved. Your other devices are logged out.
account-verify-heading = Confirm your e-mail address
account-verify-text = We sent a link to your e-mail address. Until you open it, you can read and prepare a post, but not publish, answer, write or report.
account-verify-resend = Send the link again
account-verify-sent = A new link went to { $email }. The earlier links no longer work.
account-change-email = Change e-mail address
account-new-email = New e-mail address
account-new-email-hint = We send a link there: it becomes your log-in address once the link is opened.
account-save-email = Change address
account-email-link-sent = A link went to { $email }: open it so that this address becomes your account's. Until then, nothing changes.
account-everywhere = Log out everywhere
account-everywhere-text = Lent your phone, or forgot to log out somewhere? This logs out all your devices, this one included.
account-email-password = Account password (to change the address)
confirmed-publish = Publish a post

## Phone intake ("Déposer une demande pour quelqu'un", "Mes saisies")
intake-title = File a request for someone — Entraide
intake-heading = File a request for someone
intake-intro = For a person who called the Département. Their name, phone and street stay private: the public sees "Filed by the Département" and an approximate point. Answers come to you; you act for the person.
intake-person = The person who called
intake-person-hint = Nothing in this part is published.
intake-person-name = The person's name
intake-person-phone = The person's phone
intake-call-times = When to call them
intake-call-times-hint = For example: in the morning, not on Wednesdays.
intake-street = Number and street
intake-street-hint = Given only to the volunteer you accept, with the detail below.
intake-share-phone = The person agrees that their number be given to the accepted volunteer
intake-consent = The person agrees that their request be published
intake-kind = The person
intake-kind-request = is asking for help
intake-kind-offer = is offering help
intake-submit = Publish for this person
intake-filed = The request is published on the map.
intake-filed-see = See the post
intake-called-done = Noted: the person was called back.
intake-name-missing = Give the person's name.
intake-name-too-long = The name is too long ({ $max } characters at most).
intake-phone-missing = Give the person's phone, to call them back.
intake-street-too-long = The address is too long ({ $max } characters at most).
intake-call-times-too-long = This text is too long ({ $max } characters at most).
intake-consent-missing = Without the person's agreement, their request cannot be published.
intake-phone-not-agreed = The person did not agree that their number be given.
intakes-title = My phone requests — Entraide
intakes-heading = My phone requests
intakes-all-title = All phone requests — Entraide
intakes-all-heading = All phone requests
intakes-none = No request filed by phone yet.
intakes-to-do = { $count ->
    [one] 1 person to call back or follow up.
   *[other] { $count } people to call back or follow up.
}
intakes-nothing-to-do = Nothing to do for now.
intake-next = To do:
intake-next-call-accepted = call the person back: { $helper } will help them.
intake-next-call-done = call the person back to check the help came, then close the request.
intake-next-read-answers = read the answers and choose someone.
intake-next-expires-soon = the request expires on { $date }: call the person back, extend it or close it.
intake-next-wait = nothing, waiting for answers.
intake-next-nothing = nothing, the request is over.
intake-answers = Answers
intake-answers-count = { $count ->
    [0] none
    [one] 1 answer
   *[other] { $count } answers
}
intake-unread = { $count ->
    [one] 1 unread
   *[other] { $count } unread
}
intake-helper = Accepted volunteer
intake-filed-by = Filed by
intake-answer-of = Answer from { $name }
intake-manage = Extend or close
intake-called-back = I called the person back
post-filed-by = Filed by
post-by-phone = the Département, for a person who called
caller-heading = Request filed by phone
caller-phone-shared = Their number may be given
caller-phone-yes = yes, to the accepted volunteer
caller-phone-no = no
accept-share-caller-phone = Give { $name }'s number ({ $phone }) to this person
accept-caller-phone-not-agreed = { $name } did not agree that their number be given: you will connect them by phone.

## Periods and exports (/pilotage/exports)
period-date-invalid = This date is not valid (example: 2026-12-01).
period-order = The end of the period must come after its start.
period-too-long = The period is too long ({ $max } years at most).
export-format-unknown = Choose the file's format.
exports-title = Exports — Entraide
exports-heading = Exports
exports-intro = The posts filed during a period, for a spreadsheet or a map. The files give the public point and the commune, never the exact address, the name, e-mail or phone of anyone.
exports-from = From
exports-from-hint = Empty: the first day of the month.
exports-to = To (included)
exports-to-hint = Empty: today.
exports-commune = Commune (optional)
exports-commune-hint = Empty: the whole département.
exports-category = Category
exports-category-all = All categories
exports-format = Format
exports-format-csv = Spreadsheet (CSV, opens in Excel or LibreOffice)
exports-format-geojson = Map (GeoJSON)
exports-format-full = Full export with the phone requests (admins; the export is recorded)
exports-download = Download
exports-open-data = Open data (public posts, Licence Ouverte):
export-yes = yes
export-no = no
export-col-id = Number
export-col-kind = Type
export-col-category = Category
export-col-poster = Posted by
export-col-status = Status
export-col-title = Title
export-col-description = Description
export-col-commune = Commune
export-col-insee = INSEE code
export-col-lat = Latitude (public point)
export-col-lon = Longitude (public point)
export-col-by-phone = Filed by phone
export-col-created = Filed on
export-col-updated = Changed on
export-col-expires = Expires on
export-col-hidden = Hidden after reports
export-col-answers = Answers
export-col-first-answer = First answer on
export-col-accepted = Help accepted on
export-col-when = When
export-col-for-relative = Published for someone close
export-col-person-name = The person's name
export-col-person-phone = The person's phone
export-col-street = Number and street
export-col-call-times = When to call them
export-col-share-phone = Number may be given
export-col-consent-at = Agreement given on
export-col-consent-by = Agreement heard by

## People (/admin/personnes)
nav-people = People
role-resident = Resident
role-editor = Editor (site pages)
role-moderator = Moderator
role-admin = Administrator
people-title = People — Entraide
people-heading = People
people-search = Name or e-mail address
people-search-button = Search
people-found = { $count ->
    [0] No account found.
    [one] 1 account.
   *[other] { $count } accounts.
}
people-more = More accounts match: narrow the search.
people-none = Try part of the name or of the address.
people-disabled = Account disabled
people-unverified = Address not confirmed
people-posts = { $count ->
    [0] No post
    [one] 1 post
   *[other] { $count } posts
}
people-open-reports = { $count ->
    [one] 1 open report
   *[other] { $count } open reports
}
people-back = ← Everyone
people-email = E-mail address
people-organisation = Organisation
people-since = Account created on
people-yourself = This is your account: your role and account are changed by another administrator or on the command line.
people-actions = Change this account
people-make = Give the role "{ $role }"
people-disable = Disable the account
people-enable = Enable the account
people-reset-link = Send a link to change the password
people-reports = Reports
people-no-reports = No report.
people-report-made = Report made on
people-report-about = Report received on
people-report-open = open
people-done-role = The role is changed. The person will have to log in again.
people-done-disable = The account is disabled: the person can no longer log in.
people-done-enable = The account is enabled again.
people-done-reset-link = A link to change the password was sent by e-mail (valid for one hour).
people-not-yourself = You cannot change your own account here.
people-last-admin = This is the last active administrator: appoint another one first.
intake-other-territory = { $commune } is not in your territories: hand the call to that territory's team.
people-other-territory = This account acts outside your territories: only an administrator of those territories, or a national one, can change it.
people-reset-disabled = This account is disabled: enable it first.
people-role-missing = Choose a role.
people-territories = Territories
moderation-territories = You act in: { $list }. Posts of other territories go to their team.
people-territories-now = Acts in: { $list }.
people-territories-national = Every territory (national)
people-territories-choose = Territories this account acts in
people-territories-save = Save the territories
people-territories-none = Tick at least one territory, or “Every territory”.
people-territories-staff-only = Only staff accounts (moderation, administration, editing) have territories.
people-done-territories = The territories are saved.

## Follow-ups (/suivi)
email-subject-expiring = Your post expires soon
email-subject-help-check = Did you receive the help?
notify-expiring = Your post "{ $title }" leaves the map on { $date }. Still needed? Extend it in one click in "My posts".
notify-help-check = Did you receive the help for "{ $title }"? Tell us in one click.
follow-ups-title = Follow-up — Entraide
follow-ups-heading = Follow-up
follow-ups-unanswered = { $count ->
    [0] Requests without an answer: none
    [one] 1 request without an answer
   *[other] { $count } requests without an answer
}
follow-ups-unanswered-hint = Published 2 days ago (groceries, food aid) or 5 days ago (the rest), by default, and nobody answered; the oldest first.
follow-ups-help = { $count ->
    [0] Help not received: none
    [one] 1 help that may never have come
   *[other] { $count } helps that may never have come
}
follow-ups-help-hint = The author answered "No" to "Did you receive the help?", or did not answer within 2 days.
follow-up-posted = posted { $when }
follow-up-author = Author
follow-up-raised = Followed up since
follow-up-todo-phone = call the person back (filed by phone, see "My phone requests").
follow-up-todo-unanswered = call or write to the author, pass the request to a local association, or widen it (extend, clarify).
follow-up-todo-help = contact the author and the volunteer to learn what happened; offer other help.
follow-up-answer-no = The author says the help did not come.
follow-up-answer-none = The author did not answer.
follow-up-resolve = Dealt with
follow-up-done = Noted: the request leaves the follow-up.
follow-up-already-done = This line was already dealt with.
follow-up-already-answered = You already answered, thank you.
follow-up-answer-missing = Answer yes or no.
help-question-answer = Answer: did you get the help?
help-question-title = Did you receive the help? — Entraide
help-question-heading = Did you receive the help?
help-question-about = For your request
help-question-yes = Yes, I received the help
help-question-no = Not yet
help-question-hint = "Yes" marks the request as done. "Not yet" tells the Département's team, who will contact you.
help-question-yes-done = Thank you! The request is marked as done.
help-question-no-done = Noted: the Département's team will contact you.
intake-next-ask-help-came = call the person to ask whether the help came, then answer for them.
intake-help-yes = They received the help
intake-help-no = They did not receive it
intake-help-answered = Noted. "Not received" puts the request on the Département's follow-up.

## Announcements (/admin/annonces)
announcement-label = Announcement from the Département
announcements-title = The Département's announcements — Entraide
announcements-heading = The Département's announcements
announcement-message = Text of the announcement
announcement-message-hint = One or two sentences, shown above the map. For example: "Heatwave: think of your elderly neighbours."
announcement-from = From
announcement-to = To (included)
announcement-publish = Publish the announcement
announcements-upcoming = Current and coming
announcements-none = No announcement.
announcement-dates = from { $from } to { $to }
announcement-delete = Remove
announcement-done-publiee = The announcement is saved: it shows above the map on the chosen days.
announcement-done-retiree = The announcement is removed.
announcement-empty = Write the text of the announcement.
announcement-too-long = The announcement is too long ({ $max } characters at most).
announcement-date-missing = Choose a date.

## Figures (/pilotage)
stats-title = Figures — Entraide
stats-heading = Figures
stats-console = The département's console
stats-preset-week = This week
stats-preset-month = This month
stats-preset-year = This year
stats-show = Show the figures
stats-none = —
stats-nothing = No post published in this period.
stats-everywhere = The whole département, every category
stats-period = From { $from } to { $to }
stats-json = the same figures as JSON
stats-posts = Posts published
stats-requests = Requests
stats-offers = Offers
stats-answered-24h = Requests answered within 24 hours
stats-answered-72h = Requests answered within 72 hours
stats-unanswered = Requests still unanswered
stats-median-first-answer = Median time to the first answer
stats-median-to-help = Median time from acceptance to help given
stats-fulfilled = Requests fulfilled
stats-fulfilment-rate = Share of requests fulfilled
stats-expired-unanswered = Requests expired unanswered
stats-active-volunteers = Active volunteers (who wrote to help)
stats-moderation = Moderation
stats-waiting-now = Posts waiting now
stats-median-wait = Median wait before a decision
stats-p90-wait = Wait for 90% of posts
stats-decisions = Decisions of the period, by reason
stats-decision = Decision
stats-reason = Reason
stats-count = Number
stats-charts = Charts
stats-chart-posts-week = Posts published per week
stats-chart-posts-month = Posts published per month
stats-chart-delay = Median time to the first answer, by category
stats-chart-map = Requests still unanswered, by commune
stats-chart-map-alt = Map of the communes of the Haut-Rhin coloured by the number of requests still unanswered; the figures are in the table that follows.
stats-table-of = Data:
stats-week = Week of
stats-month = Month of
stats-answered-short = Answered
stats-unanswered-short = Unanswered
stats-no-decision = No decision in this period.
stats-median = Median time
stats-breakdowns = By category and kind of poster
stats-by-commune = Posts by commune
stats-commune = Commune
stats-by-category = Posts by category
stats-category = Category
stats-by-poster = Posts by kind of poster
stats-poster = Posted by
stats-small = For a commune, a number under { $n } shows as "< 5": nobody must be recognisable from a figure.
stats-map-title = Requests still unanswered by commune, from { $from } to { $to }
stats-map-none = none
stats-map-few = fewer than 5
stats-map-some = 5 to 9
stats-map-many = 10 or more
duration-days = { $d } d { $h } h
duration-hours = { $h } h { $m }
duration-minutes = { $m } min

## The site's pages (/pages/…, /admin/pages)
nav-pages = Site pages
footer-pages = About the service
page-comment-ca-marche = How it works
page-charte = Mutual-aid charter
page-mentions-legales = Legal notice
page-donnees-personnelles = Personal data
page-accessibilite = Accessibility
page-updated = Updated on { $date }.
pages-admin-title = Site pages — Entraide
pages-admin-heading = Site pages
pages-admin-intro = Editors write the pages in Markdown and save drafts; an administrator publishes them. Every save is kept in the history.
pages-admin-see = see the published page
page-status-draft = A draft is waiting to be published: the public still reads the previous version.
page-status-shipped = The public reads the text shipped with the application: the page has not been published here yet.
page-title = Title
page-body = Text (Markdown)
page-body-hint = ## for a heading, **bold**, *italics*, - for a list, [text](https://address) for a link. HTML and scripts are removed.
page-save = Save the draft
page-publish = Publish this draft
page-publish-by-admin = An administrator will publish this draft.
page-preview = Preview of the draft
page-history = History
page-history-none = No version saved: the text shipped with the application is shown.
page-history-saved = Saved on { $date } by { $name }
page-history-published = published on { $date } by { $name }
page-done-enregistree = The draft is saved.
page-done-publiee = The page is published.
page-title-missing = Give the page a title.
page-title-too-long = The title must be at most { $max } characters.
page-body-missing = Write the text of the page.
page-body-too-long = The text must be at most { $max } characters.

## My alerts

nav-alerts = My alerts
alerts-title = My alerts — Entraide
alerts-heading = My alerts
alerts-intro = Be told when a new post is published near your home, your work or any other place: in the app, by e-mail, or once a day in a digest.
alerts-done-enregistree = The alert is saved. You will be told about new posts published in this area.
alerts-done-supprimee = The alert is deleted.
alerts-done-reglages = Your choices are saved.
alerts-done-reprises = Your alerts are running again.
alerts-paused-heading = Your alerts are paused
alerts-paused-text = We have not seen you for more than six months: your alerts paused themselves. One click keeps them.
alerts-resume = Keep my alerts
alerts-list-heading = { $count ->
    [0] No alert
    [one] One alert
   *[other] { $count } alerts
}
alerts-none = You have no alert yet.
alerts-full = You already have { $max } alerts, the most allowed. Delete one to create another.
alerts-around-position = Around my position (near { $commune })
alerts-all-categories = All categories
alerts-kind-all = Requests and offers
alerts-item = { $place }, within { $radius } km
alerts-delete = Delete this alert
alerts-new-heading = New alert
alerts-place = Commune or postcode
alerts-place-hint = For example: Mulhouse, or 68100. The area is centred on the town hall.
alerts-radius = Radius around this place
alerts-radius-km = { $km } km
alerts-kind = Tell me about
alerts-categories = Categories
alerts-categories-hint = No box ticked: every category.
alerts-save = Create the alert
alerts-position-asking = Finding your position…
alerts-position-found = Position found: the alert will be centred around you (to within a few hundred metres, never your exact address).
alerts-settings-heading = How to be told
alerts-email = By e-mail
alerts-email-instant = An e-mail for each new post
alerts-email-digest = One digest a day, at the chosen hour
alerts-email-off = No e-mail: in the app only
alerts-hour = Hour of the digest
alerts-settings-save = Save my choices
alert-position-outside = Your position is outside the communes Entraide serves: type a commune instead.
alert-radius-range = The radius must be a whole number of kilometres, from 1 to 30 (“{ $value }” does not fit).
alert-email-unknown = Choose how to be told by e-mail.
alert-hour-range = Choose an hour from 0 to 23 (“{ $value }” does not fit).
alert-too-many = You already have { $max } alerts, the most allowed. Delete one to create another.
alert-notify = New post near you — { $kind }, { $category } in { $commune }: “{ $title }”
alert-email =
    Hello,

    { $body }

    To see it and answer: { $link }

    See you soon on Entraide Haut-Rhin.

    --
    You receive this e-mail because you created an alert on Entraide Haut-Rhin.
    Change your alerts: { $settings }
    Stop these e-mails (one click, no log-in): { $unsubscribe }
alert-digest-subject = { $count ->
    [one] One new post near you
   *[other] { $count } new posts near you
}
alert-digest-line =
    “{ $title }”
    { $kind }, { $category } in { $commune }
    { $link }
alert-digest =
    Hello,

    { $count ->
        [one] One new post matches your alerts since the last digest:
       *[other] { $count } new posts match your alerts since the last digest:
    }

    { $posts }

    See you soon on Entraide Haut-Rhin.

    --
    You receive this digest because you created an alert on Entraide Haut-Rhin.
    Change your alerts: { $settings }
    Stop these e-mails (one click, no log-in): { $unsubscribe }
alert-paused = Your alerts are paused: we have not seen you for six months. To keep them, open “My alerts” and click “Keep my alerts”.
email-subject-alert = New post near you
email-subject-alerts-paused = Your alerts are paused
alert-unsubscribed = Done: you will no longer receive e-mails for your alerts. They stay visible in the app.
unsubscribe-title = Stop alert e-mails — Entraide
unsubscribe-heading = Stop alert e-mails
unsubscribe-text = You will no longer receive e-mails for your alerts. You will still see new posts in the app (“Notifications”).
unsubscribe-button = Stop these e-mails
unsubscribe-settings = See and change my alerts (log-in needed)
unsubscribe-already = You already receive no e-mail for your alerts.
notifications-alerts-link = My alerts: be told about new posts near me
list-alert-cta = 🔔 Be told about new posts near me
push-service-unknown = This browser uses a notification service we do not know.
push-keys-invalid = The notification keys sent by the browser are not valid.
push-heading = On this phone
push-text = When the app is installed on your phone, it can buzz as soon as a new post matches your alerts.
push-on = Receive alerts on this phone
push-off = Stop receiving them on this phone
push-asking = Asking for permission…
push-done-on = Done: this phone will receive your alerts.
push-done-off = This phone will no longer receive your alerts.
push-denied = Notifications are blocked for this site: allow them in the browser's settings, then try again.
push-failed = Notifications cannot be turned on in this browser for now. Your alerts stay in the app and by e-mail.
push-devices = { $count ->
    [0] No device receives your alerts.
    [one] One device receives your alerts.
   *[other] { $count } devices receive your alerts.
}
filter-place-too-long = The place is too long ({ $count } characters, { $max } at most).
filter-radius-unknown = Unknown radius: “{ $value }”. Possible radii, in km: { $known }.
place-label = Commune or postcode
place-search = Search
place-radius = Radius
place-radius-any = The whole area
place-radius-km = { $km } km
place-around = Around { $place }
place-within = Within { $km } km of { $place }
place-clear = Clear the place
distance-km = { $km } km away
distance-near = less than 500 m away
filter-words-too-long = The search is too long ({ $count } characters, { $max } at most).
filter-words-none = “{ $value }” holds no word to search for: write at least one word of two letters, for example “groceries”.
filter-at-bad = The position “{ $value }” cannot be read: it needs a latitude and a longitude, for example 47.750,7.340.
filter-page-unknown = Unknown page: “{ $value }”. Pages go from 1 to { $max }.
search-box = Search posts
words-label = Words to search for
words-hint = e.g. groceries, homework
place-use-position = Use my position
place-my-position = Around your position
place-within-me = Within { $km } km of your position
list-words = Posts containing “{ $words }”
words-clear = Clear the words
pager = Pages of the list
pager-range = Posts { $from } to { $to } of { $total }
pager-next = { $count } more
pager-previous = Previous { $count }
pager-beyond = The list does not hold that many posts.
pager-first = Back to the start of the list
urgent-heading = Is this an emergency?
urgent-intro = What you wrote may need help right now. Entraide's volunteers cannot come at once: in an emergency, call one of these numbers, free, day and night.
urgent-why = We read: { $signs }.
urgent-number-15 = SAMU: a medical emergency (feeling faint, a fall, pain)
urgent-number-112 = European emergency number, from any phone
urgent-number-114 = By text message: for deaf or hard-of-hearing people, or whoever cannot speak
urgent-number-3114 = Suicide prevention: someone listens
urgent-number-3919 = Violence against women: anonymous help line
urgent-number-119 = Children in danger
urgent-number-17 = Police
urgent-town-hall = The town hall of { $commune } (its number in the Service-Public directory)
urgent-town-hall-any = The town hall of your commune (its number in the Service-Public directory)
post-contact = A question about posts here? The Entraide team of { $territory }:
urgent-local = { $territory }: { $services }
urgent-team = The Entraide team of { $territory }, in opening hours
urgent-go-on = If it is not an emergency, you can go on: the Département's team will read your post first.
urgent-continue = Go on and send the post
sign-fall = a fall
sign-malaise = feeling faint
sign-chest = chest pain
sign-hunger = nothing left to eat
sign-suicide = thoughts of suicide
sign-violence = violence at home
sign-child = a child in danger
moderation-urgent-badge = Urgent
moderation-urgent-why = Signs of an emergency in the text: { $signs }. See whether to call the person or the emergency services before approving.

## Vetted helpers (#18 §4)
vetted-badge = Volunteer vetted by the Département
respond-vetted-only = Only volunteers vetted by the Département can answer this request: a staff member met them and saw their identity document.
respond-become-vetted = Become a vetted volunteer
respond-needs-vetting = Only volunteers vetted by the Département can answer this request. Ask to be vetted from “My account”.
offer-needs-vetting = Only volunteers vetted by the Département can offer help in this category. Ask to be vetted from “My account”, or choose another category.
accept-not-vetted = This person is not (or no longer) a volunteer vetted by the Département: this request needs a vetted volunteer.
email-subject-vetting = Your check as a volunteer
notify-vetting-recorded = The Département's team recorded your check: you are a vetted volunteer until { $until }.
notify-vetting-withdrawn = The Département's team withdrew your check as a volunteer. Reason: { $reason }
notify-vetting-ending = Your check as a volunteer ends on { $until }. To go on helping with children and in people's homes, ask now to be checked again.
account-vetting-text = For childcare and home visits, the Département's team meets volunteers before they can answer.
account-vetting-link = Become a vetted volunteer
vetting-title = Vetted volunteer — Entraide Haut-Rhin
vetting-heading = Vetted volunteer
vetting-valid-until = Your check is valid until { $date }.
vetting-withdrawn-on = Your check was withdrawn on { $date }.
vetting-expired-on = Your check ended on { $date }: ask for a new one.
vetting-how-heading = How to become a vetted volunteer
vetting-why = Requests in these categories are answered by vetted volunteers only: { $categories }.
vetting-how-1 = You send your request with this form.
vetting-how-2 = The Département's team writes to you to set up a meeting.
vetting-how-3 = At the meeting, you show an identity document (no copy is kept) and, if you have one, your membership card of an association.
vetting-how-4 = You are then a vetted volunteer for a year; your answers show it.
vetting-asked-on = Request sent on { $date }. The team will write to you for a meeting.
vetting-cancel = Withdraw my request
vetting-note = A word for the team (optional)
vetting-note-hint = When you can meet, your association.
vetting-ask = Ask to be vetted
vetting-done-ask = Your request is sent.
vetting-done-cancel = Your request is withdrawn.
vetting-already = You are already a vetted volunteer: you can renew two months before the end.
vetting-desk-title = Vetted volunteers — Entraide Haut-Rhin
vetting-desk-heading = Vetted volunteers
vetting-desk-intro = Only volunteers met in person answer requests in these categories: { $categories }. A check is valid for a year.
vetting-desk-requests = Requests to meet ({ $count })
vetting-desk-no-request = No request waiting.
vetting-desk-vetted = Vetted volunteers ({ $count })
vetting-desk-no-vetted = No vetted volunteer yet.
vetting-desk-asked = request sent { $date }
vetting-desk-renewal = renewal, vetted until { $date }
vetting-desk-record = Record the meeting with { $name }
vetting-desk-withdraw = Withdraw the check of { $name }
vetting-desk-checked = Met on { $date } by { $by } (recorded by { $recorder }), vetted until { $until }
vetting-desk-done-record = The check is recorded; the person is told.
vetting-desk-done-withdraw = The check is withdrawn; the person is told.
vetting-identity-seen = I saw their identity document in person
vetting-identity-hint = Do not copy it: only the fact that it was seen is recorded.
vetting-identity-required = Tick the box: the identity document must have been seen in person.
vetting-checked-on = Date of the meeting
vetting-checked-by = Met by
vetting-max = { $max } characters at most.
vetting-association = Association the person is a member of (optional)
vetting-association-hint = As written on the membership card, { $max } characters at most.
vetting-record = Record the check
vetting-reason = Reason (the person will read it)
vetting-reason-hint = For example: a report after a childcare.
vetting-withdraw = Withdraw the check
vetting-association-too-long = The association's name is too long: { $count } characters, { $max } at most.
vetting-checker-missing = Write who met the person.
vetting-checker-too-long = This name is too long: { $count } characters, { $max } at most.
vetting-date-missing = Give the date of the meeting.
vetting-date-invalid = “{ $value }” is not a date (dd/mm/yyyy).
vetting-date-future = The meeting cannot be in the future.
vetting-date-too-old = This meeting is more than { $days } days old: the check would already have ended.
vetting-reason-missing = Write the reason: the person will read it.
vetting-note-too-long = This text is too long: { $count } characters, { $max } at most.
vetting-not-self = Another staff member must record your own check.
vetting-no-request = This person no longer has a request waiting (already recorded, or withdrawn).
vetting-not-vetted = This person is not a vetted volunteer at the moment.

## A post's notice (#18 §3)
notice-link = Print a notice
notice-title = Notice: { $title } — Entraide Haut-Rhin
notice-back = ← Back to the post
notice-how = An A4 page to print for the bakery's window or the town hall's board. To print: “Print” in your browser's menu.
notice-print = Print the notice
notice-brand = Entraide Haut-Rhin — neighbours helping neighbours
notice-qr-alt = QR code leading to the post: { $address }
notice-answer-request = Can you help? Scan this code with your phone, or type this address:
notice-answer-offer = Interested? Scan this code with your phone, or type this address:
notice-no-internet = No internet? Ask the town hall: they can call the Département for you.
notice-strips = Strips to tear off with the post's address

## Retention (#21 §3)
retention-warning-subject = Your Entraide account will be deleted as it is not used
retention-warning-body = Hello, you have not logged in to Entraide for { $years } years. To protect your data, your account and what belongs to it will be deleted on { $on }, in { $days } days. To keep it, just log in before then: { $link }

## A relative at my side (#18 §2)
carer-notify-prefix = { $name }'s post:
email-subject-carer = A relative and your post
email-carer-subject = { $name } invites you to follow their post on Entraide
email-carer-body =
    Hello,

    { $name } invites you to follow their post “{ $title }” ({ $commune }) on Entraide Haut-Rhin, neighbours helping neighbours.

    If you accept, you will get its news, see who comes to help, and be able to write to the people who answer. Their address stays private.

    To accept, open this link (valid for { $days } days): { $link }

    If you do not know { $name }, do nothing: without an answer, the invitation fades away.
notify-carer-joined = { $name } now follows your post “{ $title }” as a relative.
notify-carer-removed = { $name } removed you from following their post “{ $title }”.
notify-carer-left = { $name } no longer follows your post “{ $title }”.
carer-post-over = This post has ended: no relative can be invited to it any more.
carer-not-self = This is your own address: invite your relative's address.
carer-already-invited = This address was already invited to this post.
carer-too-many = A post can be followed by { $max } relatives at most. Remove one to invite another.
carer-link-gone = This link no longer works: ask the person to invite you again.
carer-invited = Invitation sent to { $email }. Your relative has 7 days to accept it.
carer-removed = Done: this person no longer follows the post.
carer-now-following = You now follow this post: it is below, in “My relatives' posts”.
carer-heading = A relative at your side
carer-explain = A relative (a child, a neighbour, a carer) can follow this post: they get its news, see who helps you and can write to the people who answer you. They do not see your address. You can remove them at any time.
carer-email = Your relative's e-mail address
carer-email-hint = They will get a link to accept, valid for 7 days.
carer-invite = Invite this relative
carer-following = follows this post
carer-remove = Remove
carer-waiting = invitation sent, valid until { $date }
carer-cancel = Cancel the invitation
carer-followed-heading = My relatives' posts
carer-followed-explain = You follow these posts at their author's request. Your messages there are signed “relative of …”.
carer-post-of = { $name }'s post
carer-no-helper = Nobody has been accepted to help yet.
carer-helper = Help accepted: { $names }
carer-conversation-with = Conversation with { $name }
carer-stop = Stop following this post
carer-invitation-title = Invitation to follow a post — Entraide Haut-Rhin
carer-invitation-heading = Follow a relative's post
carer-invitation-text = { $name } invites you to follow their post “{ $title }” ({ $commune }).
carer-means-news = You will get the same news as the person: answers, messages, help accepted.
carer-means-helper = You will see where the post stands and who was accepted to help.
carer-means-write = You will be able to write to the people who answer: your messages will be signed “relative of …”.
carer-means-private = The exact address stays private. The author can remove you at any time.
carer-invitation-yours = This is your own invitation: this link is for your relative.
carer-invitation-already = You already follow this post.
carer-invitation-see = See my relatives' posts
carer-accept = Accept and follow the post
carer-invitation-account = To accept, log in, or create an account: it is free.
carer-invitation-log-in = Log in to accept
carer-invitation-gone = This link no longer works: it was used, cancelled, or is more than 7 days old. Ask the person to invite you again.
conversation-heading-carer = { $author }'s conversation with { $name }
conversation-carer-accepted = { $author } accepted { $name }'s help.
conversation-as-carer = You read this conversation as a relative of { $author }. Your messages are signed “relative of { $author }”.
conversation-carer-of = (relative of { $author })
block-carer = Nobody can write in this conversation any more: one side blocked the other.
messages-as-carer = { $name } answered { $author } (you follow as a relative)

## My building (#18 §3)
building-label = Building, { $street }, { $commune }
building-title = My building — Entraide Haut-Rhin
building-heading = My building
building-intro = The neighbours of your building help each other: a post can be seen by them only. The exact address is never shown, only the street and the commune.
building-log-in = Log in to find your building's group.
building-created = Your building's group is created. Print the notice for the hall: your neighbours will join with its code.
building-joined = You are now part of this building's group.
building-left = You left this building's group.
building-members = { $count ->
    [one] { $count } neighbour signed up
   *[other] { $count } neighbours signed up
}
building-code = code to join: { $code }
building-publish = Post for my building
building-print = Print the notice for the hall
building-posts = The building's posts
building-no-posts = No post for the building yet.
building-leave = Leave this group
building-leave-hint = You will no longer see its posts. Your posts for the building stay visible to its members.
building-leave-confirm = Leave the group
building-join-heading = Join my building's group
building-join-title = Join a building's group — Entraide Haut-Rhin
building-code-label = The building's code
building-code-hint = 8 letters and digits, shown in the hall (for example ABCD-EF23).
building-join = Join the group
building-create-heading = Create my building's group
building-create-intro = Nobody created your building's group yet? Create it: you will get a notice to print for the hall.
building-street = The building's street, without the number
building-street-hint = For example “rue des Tilleuls”. The number stays private: it is asked nowhere.
building-create = Create the group
building-join-text = You are invited to join the neighbours' group: { $building }.
building-how-1 = The building's neighbours ask for and offer help among themselves.
building-how-2 = A post can be seen by the building's neighbours only.
building-how-3 = The exact address is never shown; the Département's team validates every post.
building-how-4 = To join: scan the QR code, or go to the site and type the code below.
building-already = You are already part of this group.
building-qr-alt = QR code to join the group: { $building }
building-notice-title = Notice for the hall: { $building } — Entraide Haut-Rhin
building-notice-how = An A4 page to put up in the building's hall. To print: “Print” in your browser's menu.
building-notice-heading = Neighbours helping neighbours in this building
building-notice-scan = Scan this code with your phone, or go to:
building-notice-code = then type the building's code:
building-only-staff = Visible only to the neighbours of: Building, { $street }, { $commune }. Never on the public map.
building-street-missing = Write the building's street.
building-street-number = Write the street without the number: the number stays private.
building-street-too-long = This street name is too long: { $count } characters, { $max } at most.
building-street-invalid = Write the street's name, for example “rue des Tilleuls”.
building-code-missing = Type the code shown in the building's hall.
building-code-invalid = This code does not have the right shape: 8 letters and digits, for example ABCD-EF23.
building-code-unknown = No building has this code. Check it on the notice in the hall.
building-too-many = You are already part of { $max } building groups, the most possible.
building-not-member = Choose “Everyone” or a building you are part of.
publish-audience = Who can see the post?
publish-audience-public = Everyone (the public map and list)
publish-audience-building = My building only: { $building }
publish-audience-hint = A post for the building never appears on the public map; the Département's team validates it like the others.
post-building-only = Visible only to the neighbours of: Building, { $street }, { $commune }.
