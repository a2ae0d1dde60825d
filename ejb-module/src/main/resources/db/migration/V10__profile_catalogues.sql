-- Seeded catalogues for profiles. Ids and slugs are stable: apps may keep them; labels may change.

-- "other" is the self-described choice: its words go in profile.gender_text.
insert into gender (slug, label, position) values
    ('woman',      'Woman',         1),
    ('man',        'Man',           2),
    ('non-binary', 'Non-binary',    3),
    ('other',      'Self-described', 4);

insert into prompt (id, slug, text) values
    (1,  'perfect-sunday',        'My perfect Sunday'),
    (2,  'green-flag',            'A green flag I look for'),
    (3,  'simple-pleasures',      'My simple pleasures'),
    (4,  'two-truths-and-a-lie',  'Two truths and a lie'),
    (5,  'geek-out-on',           'I geek out on'),
    (6,  'best-travel-story',     'My best travel story'),
    (7,  'unpopular-opinion',     'My most unpopular opinion'),
    (8,  'first-date-idea',       'Together, we could'),
    (9,  'dealbreaker',           'A dealbreaker for me'),
    (10, 'learning-right-now',    'Something I''m learning right now'),
    (11, 'comfort-food',          'My go-to comfort food'),
    (12, 'life-goal',             'A life goal of mine'),
    (13, 'way-to-my-heart',       'The way to win me over is'),
    (14, 'friends-describe-me',   'My friends would describe me as'),
    (15, 'typical-weeknight',     'A typical weeknight for me');

insert into interest (id, slug, label, category) values
    -- Sport and outdoors
    (1,  'hiking',           'Hiking',             'Sport and outdoors'),
    (2,  'running',          'Running',            'Sport and outdoors'),
    (3,  'cycling',          'Cycling',            'Sport and outdoors'),
    (4,  'climbing',         'Climbing',           'Sport and outdoors'),
    (5,  'yoga',             'Yoga',               'Sport and outdoors'),
    (6,  'swimming',         'Swimming',           'Sport and outdoors'),
    (7,  'football',         'Football',           'Sport and outdoors'),
    (8,  'tennis',           'Tennis',             'Sport and outdoors'),
    (9,  'skiing',           'Skiing',             'Sport and outdoors'),
    (10, 'surfing',          'Surfing',            'Sport and outdoors'),
    (11, 'gym',              'Gym',                'Sport and outdoors'),
    (12, 'camping',          'Camping',            'Sport and outdoors'),
    -- Food and drink
    (13, 'cooking',          'Cooking',            'Food and drink'),
    (14, 'baking',           'Baking',             'Food and drink'),
    (15, 'coffee',           'Coffee',             'Food and drink'),
    (16, 'wine',             'Wine',               'Food and drink'),
    (17, 'craft-beer',       'Craft beer',         'Food and drink'),
    (18, 'vegan-food',       'Vegan food',         'Food and drink'),
    (19, 'street-food',      'Street food',        'Food and drink'),
    (20, 'brunch',           'Brunch',             'Food and drink'),
    -- Arts and culture
    (21, 'museums',          'Museums',            'Arts and culture'),
    (22, 'theatre',          'Theatre',            'Arts and culture'),
    (23, 'photography',      'Photography',        'Arts and culture'),
    (24, 'painting',         'Painting',           'Arts and culture'),
    (25, 'writing',          'Writing',            'Arts and culture'),
    (26, 'reading',          'Reading',            'Arts and culture'),
    (27, 'poetry',           'Poetry',             'Arts and culture'),
    (28, 'design',           'Design',             'Arts and culture'),
    (29, 'fashion',          'Fashion',            'Arts and culture'),
    -- Music
    (30, 'live-music',       'Live music',         'Music'),
    (31, 'festivals',        'Festivals',          'Music'),
    (32, 'playing-guitar',   'Playing guitar',     'Music'),
    (33, 'singing',          'Singing',            'Music'),
    (34, 'jazz',             'Jazz',               'Music'),
    (35, 'classical-music',  'Classical music',    'Music'),
    (36, 'hip-hop',          'Hip hop',            'Music'),
    (37, 'electronic-music', 'Electronic music',   'Music'),
    -- Film, games and screens
    (38, 'movies',           'Movies',             'Film and games'),
    (39, 'series',           'TV series',          'Film and games'),
    (40, 'anime',            'Anime',              'Film and games'),
    (41, 'video-games',      'Video games',        'Film and games'),
    (42, 'board-games',      'Board games',        'Film and games'),
    (43, 'podcasts',         'Podcasts',           'Film and games'),
    -- Going out and travel
    (44, 'travel',           'Travel',             'Going out and travel'),
    (45, 'road-trips',       'Road trips',         'Going out and travel'),
    (46, 'dancing',          'Dancing',            'Going out and travel'),
    (47, 'karaoke',          'Karaoke',            'Going out and travel'),
    (48, 'comedy',           'Stand-up comedy',    'Going out and travel'),
    (49, 'trivia-nights',    'Trivia nights',      'Going out and travel'),
    -- Home and life
    (50, 'gardening',        'Gardening',          'Home and life'),
    (51, 'dogs',             'Dogs',               'Home and life'),
    (52, 'cats',             'Cats',               'Home and life'),
    (53, 'diy',              'DIY',                'Home and life'),
    (54, 'volunteering',     'Volunteering',       'Home and life'),
    (55, 'meditation',       'Meditation',         'Home and life'),
    (56, 'sustainability',   'Sustainability',     'Home and life'),
    -- Mind and tech
    (57, 'science',          'Science',            'Mind and tech'),
    (58, 'technology',       'Technology',         'Mind and tech'),
    (59, 'languages',        'Learning languages', 'Mind and tech'),
    (60, 'history',          'History',            'Mind and tech'),
    (61, 'astronomy',        'Astronomy',          'Mind and tech'),
    (62, 'chess',            'Chess',              'Mind and tech');
