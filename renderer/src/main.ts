// Placeholder: the React app replaces this.
document.title = 'WHfB Doctor';
