## Easy read: simpler words for some texts. The others come from en.ftl.
## Every id here exists in en.ftl (a test checks it).
## Rules: short sentences, one idea per sentence, everyday words, no abbreviations.

tagline = Ask for help. Offer help. Near your home.
home-heading = Requests for help and offers of help
list-heading = { $count ->
    [0] No posts here
    [one] 1 post here
   *[other] { $count } posts here
}
list-empty = There are no posts here. Look at a bigger area. Or remove a filter.
list-more = { $count ->
    [one] There is 1 more post here. To see it, choose a category.
   *[other] There are { $count } more posts here. To see them, choose a category.
}
filters-requests = Needs help
filters-offers = Offers help
filters-clear = Show everything
kind-request = Needs help
kind-offer = Offers help
time-minutes-ago = { $n ->
    [one] 1 minute ago
   *[other] { $n } minutes ago
}
time-hours-ago = { $n ->
    [one] 1 hour ago
   *[other] { $n } hours ago
}
time-in-minutes = { $n ->
    [one] in 1 minute
   *[other] in { $n } minutes
}
time-in-hours = { $n ->
    [one] in 1 hour
   *[other] in { $n } hours
}
post-place-approximate = { $commune }. The point on the map is close. It is not exact.
post-published-by = Who posts
respond-log-in-text = To answer, you need to log in. Your message is private.
respond-message = Your message for the person
respond-message-hint = Say who you are. Say when you are free. Do not give your address.
not-found-text = This page does not exist. Or the post is not there any more.
offline-text = There is no Internet right now.
offline-list = You can still read the last list of posts.
offline-draft = Your post is not lost. It is kept here. When the Internet is back, open "Post".
footer-privacy = On the map, the points are close to people. They are not exact. This protects people.
form-errors = { $count ->
    [one] There is one mistake. Look below.
   *[other] There are { $count } mistakes. Look below.
}
