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
sort = Order of the list
sort-recent-short = Newest
sort-nearest-short = Nearest
sort-recent = Newest first
sort-nearest = Nearest to the centre of the map first

## Vocabulary

category-groceries = Groceries
category-homework = Homework help
category-childcare = Childcare
category-food-aid = Food aid
category-transport = Getting around
category-diy = DIY and small jobs
category-company = Company and visits
category-paperwork = Paperwork and digital help
category-other = Other
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
map-centred = The map is centred on your position.
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
